#include <stdio.h>
#include <string.h>
#include "newsparse.h"

int main(void) {
  const char *text = "Storm closes schools\n\nBy Jane Roe\n\n"
                     "PROVO, Utah, Dec. 23 (UPI) -- Schools closed on Monday.\n";
  newsparse_article *article = NULL;
  if (newsparse_parse((const uint8_t *)text, strlen(text), &article) != NEWSPARSE_OK) {
    char message[128];
    newsparse_last_error_message(message, sizeof message);
    fprintf(stderr, "error: %s (byte %zu)\n", message, newsparse_last_error_offset());
    return 1;
  }
  newsparse_str headline;
  size_t offset;
  if (newsparse_article_headline(article, &headline, &offset) == NEWSPARSE_OK)
    printf("headline: %.*s (byte %zu)\n", (int)headline.len, headline.ptr, offset);
  printf("paragraphs: %zu\n", newsparse_article_paragraph_count(article));
  newsparse_article_free(article); /* free it before the text it views */
  return 0;
}
