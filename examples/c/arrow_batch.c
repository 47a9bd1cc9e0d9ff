/* Parses two inputs into one Arrow record batch and prints its shape. */
#include <stdio.h>
#include <string.h>
#include "newsparse.h"

int main(void) {
  const char *data = "Storm closes schools\n\nPROVO, Utah, Dec. 23 (UPI) -- Schools closed.\n";
  const size_t lens[2] = {strlen(data), 0}; /* the second input is empty: an error row */
  const char *paths[2] = {"storm.txt", "empty.txt"};
  struct ArrowArray array;
  struct ArrowSchema schema;
  if (newsparse_parse_arrow((const uint8_t *)data, lens, 2, paths, 1, &array, &schema) != NEWSPARSE_OK) {
    char message[128];
    newsparse_last_error_message(message, sizeof message);
    fprintf(stderr, "error: %s\n", message);
    return 1;
  }
  printf("%lld rows:", (long long)array.length);
  for (int64_t i = 0; i < schema.n_children; i++)
    printf(" %s", schema.children[i]->name);
  const struct ArrowArray *errors = array.children[schema.n_children - 1];
  printf("\nrows with an error: %lld\n", (long long)(errors->length - errors->null_count));
  /* The batch owns its values: the input could be freed already. */
  array.release(&array);
  schema.release(&schema);
  return 0;
}
