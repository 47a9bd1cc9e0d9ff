/*
 * The misuse matrix of the C API, from C: every bad call returns its
 * documented code and nothing crashes. Run under valgrind by .ci/run.
 *
 *   capi/install.sh --prefix "$HOME/.local"   (see the README's C API section)
 *   cc -std=c99 -Wall -Wextra -Werror tests/c/misuse.c \
 *      $(pkg-config --cflags --libs newsparse) -o misuse && ./misuse
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsparse.h"

static int passed = 0, failed = 0;

static void check(int ok, const char *what, int line) {
  if (ok) {
    passed++;
  } else {
    failed++;
    fprintf(stderr, "FAILED line %d: %s\n", line, what);
  }
}
#define CHECK(cond) check((cond), #cond, __LINE__)

static const char *last_message(void) {
  static char buf[256];
  newsparse_last_error_message(buf, sizeof buf);
  return buf;
}

static const uint8_t *bytes(const char *s) { return (const uint8_t *)s; }

int main(void) {
  newsparse_article *a = (newsparse_article *)&passed; /* any non-NULL value */
  newsparse_str s;
  size_t offset;

  /* NULL text with len 0 is an empty input; with len > 0 a NULL argument. */
  CHECK(newsparse_parse(NULL, 0, &a) == NEWSPARSE_EMPTY_INPUT);
  CHECK(a == NULL);
  CHECK(newsparse_last_error_code() == NEWSPARSE_EMPTY_INPUT);
  CHECK(newsparse_parse(NULL, 10, &a) == NEWSPARSE_NULL_ARGUMENT);
  CHECK(a == NULL);
  CHECK(strstr(last_message(), "text") != NULL);
  CHECK(newsparse_last_error_offset() == NEWSPARSE_NO_OFFSET);

  /* NULL out pointer. */
  CHECK(newsparse_parse(bytes("Headline"), 8, NULL) == NEWSPARSE_NULL_ARGUMENT);
  CHECK(newsparse_last_error_code() == NEWSPARSE_NULL_ARGUMENT);

  /* Empty and white-space-only input. */
  CHECK(newsparse_parse(bytes(""), 0, &a) == NEWSPARSE_EMPTY_INPUT);
  CHECK(newsparse_parse(bytes(" \n\t\r\n "), 6, &a) == NEWSPARSE_BLANK_INPUT);
  CHECK(newsparse_last_error_offset() == 6);
  CHECK(a == NULL);

  /* Invalid UTF-8: the code, the offset, and the offset in the message. */
  CHECK(newsparse_parse(bytes("Head line\n\xc3\x28 rest"), 16, &a) == NEWSPARSE_INVALID_UTF8);
  CHECK(newsparse_last_error_offset() == 10);
  CHECK(strcmp(last_message(), "invalid UTF-8 at byte offset 10") == 0);
  CHECK(strcmp(newsparse_result_name(NEWSPARSE_INVALID_UTF8), "NEWSPARSE_INVALID_UTF8") == 0);
  CHECK(strcmp(newsparse_result_name(12345), "NEWSPARSE_UNKNOWN") == 0);

  /* The message is copied like snprintf: cut short, NUL-terminated, full length returned. */
  char small[8];
  CHECK(newsparse_last_error_message(small, sizeof small) == 31);
  CHECK(strcmp(small, "invalid") == 0);
  CHECK(newsparse_last_error_message(NULL, 0) == 31);

  /* A successful parse clears the last error. */
  static const char text[] = "Storm closes schools\n\nBy Jane Roe\n\n"
                             "PROVO, Utah, Dec. 23 (UPI) -- Schools closed on Monday.\n";
  CHECK(newsparse_parse(bytes(text), sizeof text - 1, &a) == NEWSPARSE_OK);
  CHECK(a != NULL);
  CHECK(newsparse_last_error_code() == NEWSPARSE_OK);
  CHECK(newsparse_last_error_message(NULL, 0) == 0);

  /* Present values point into the input, missing ones are {NULL, 0}. */
  CHECK(newsparse_article_headline(a, &s, &offset) == NEWSPARSE_OK);
  CHECK(s.ptr == (const char *)text && s.len == 20 && offset == 0);
  CHECK(newsparse_article_dateline_state(a, &s, &offset) == NEWSPARSE_OK);
  CHECK(s.len == 4 && memcmp(s.ptr, "Utah", 4) == 0 && offset == NEWSPARSE_NO_OFFSET);
  CHECK(newsparse_article_credits(a, &s, &offset) == NEWSPARSE_NOT_FOUND);
  CHECK(s.ptr == NULL && s.len == 0 && offset == NEWSPARSE_NO_OFFSET);
  CHECK(newsparse_article_headline(a, &s, NULL) == NEWSPARSE_OK); /* offset is optional */

  /* An index past the end of each list. */
  size_t n = newsparse_article_paragraph_count(a);
  CHECK(n == 1);
  offset = 0;
  CHECK(newsparse_article_paragraph(a, n, &s, &offset) == NEWSPARSE_INDEX_OUT_OF_RANGE);
  CHECK(s.ptr == NULL && s.len == 0 && offset == NEWSPARSE_NO_OFFSET);
  CHECK(newsparse_last_error_code() == NEWSPARSE_INDEX_OUT_OF_RANGE);
  CHECK(newsparse_article_paragraph(a, SIZE_MAX, &s, &offset) == NEWSPARSE_INDEX_OUT_OF_RANGE);
  CHECK(newsparse_article_byline_author(a, 1, &s, &offset) == NEWSPARSE_INDEX_OUT_OF_RANGE);
  CHECK(newsparse_article_caption(a, 0, &s, &offset) == NEWSPARSE_INDEX_OUT_OF_RANGE);
  CHECK(newsparse_article_caption_credit(a, 0, &s, &offset) == NEWSPARSE_INDEX_OUT_OF_RANGE);
  CHECK(newsparse_article_related(a, 0, &s, &offset) == NEWSPARSE_INDEX_OUT_OF_RANGE);
  CHECK(newsparse_article_boilerplate(a, 0, &s, &offset) == NEWSPARSE_INDEX_OUT_OF_RANGE);

  /* NULL article and NULL out pointers in accessors. */
  CHECK(newsparse_article_headline(NULL, &s, &offset) == NEWSPARSE_NULL_ARGUMENT);
  CHECK(s.ptr == NULL);
  CHECK(newsparse_article_headline(a, NULL, &offset) == NEWSPARSE_NULL_ARGUMENT);
  CHECK(newsparse_article_paragraph(NULL, 0, &s, &offset) == NEWSPARSE_NULL_ARGUMENT);
  CHECK(newsparse_article_paragraph_count(NULL) == 0);
  CHECK(newsparse_last_error_code() == NEWSPARSE_NULL_ARGUMENT);
  CHECK(newsparse_article_dateline_date_parts(NULL, NULL) == NEWSPARSE_NULL_ARGUMENT);
  char *json = (char *)text;
  CHECK(newsparse_article_to_json(NULL, &json, NULL) == NEWSPARSE_NULL_ARGUMENT);
  CHECK(json == NULL);
  CHECK(newsparse_article_to_json(a, NULL, NULL) == NEWSPARSE_NULL_ARGUMENT);
  newsparse_article_free(a);

  /* Free of NULL. */
  newsparse_article_free(NULL);
  newsparse_string_free(NULL);

  /* NUL bytes are ordinary characters: they stay in the views and are escaped in JSON. */
  static const char nul[] = "Head\0line\n\nWASHINGTON (Reuters) - Officials said on \0Monday.\n";
  CHECK(newsparse_parse(bytes(nul), sizeof nul - 1, &a) == NEWSPARSE_OK);
  size_t json_len = 0;
  CHECK(newsparse_article_to_json(a, &json, &json_len) == NEWSPARSE_OK);
  CHECK(json != NULL && strlen(json) == json_len && strstr(json, "\\u0000Monday") != NULL);
  newsparse_string_free(json);
  newsparse_article_free(a);

  /* Decoded input: the article owns its text; bad labels and NULLs get their codes. */
  static const char latin1[] = "Caf\xe9 owner wins\n\nPARIS (Reuters) - The caf\xe9 won on Monday.\n";
  CHECK(newsparse_parse(bytes(latin1), sizeof latin1 - 1, &a) == NEWSPARSE_INVALID_UTF8);
  CHECK(newsparse_parse_encoded(bytes(latin1), sizeof latin1 - 1, "windows-1252", &a) == NEWSPARSE_OK);
  newsparse_str whole;
  CHECK(newsparse_article_text(a, &whole) == NEWSPARSE_OK && whole.len == sizeof latin1 + 1);
  CHECK(newsparse_article_flatten(a, NULL, 0) > NEWSPARSE_FLAT_HEADER + 3 * NEWSPARSE_FLAT_FIELDS - 1);
  newsparse_article_free(a);
  CHECK(newsparse_parse_encoded(bytes(latin1), 3, "klingon", &a) == NEWSPARSE_UNKNOWN_ENCODING && a == NULL);
  CHECK(newsparse_parse_encoded(bytes(latin1), 3, NULL, &a) == NEWSPARSE_NULL_ARGUMENT);
  CHECK(newsparse_article_flatten(NULL, NULL, 0) == 0);
  newsparse_time t;
  CHECK(newsparse_article_published_at(NULL, &t) == NEWSPARSE_NULL_ARGUMENT);

  /* Batches: NULL arrays are refused, an unreadable file gets NEWSPARSE_IO_ERROR. */
  newsparse_article *many[2];
  newsparse_result codes[2];
  const size_t lens[2] = {3, 0};
  CHECK(newsparse_parse_many(bytes("abc"), lens, 2, NULL, 2, many, codes) == NEWSPARSE_OK);
  CHECK(codes[0] == NEWSPARSE_OK && codes[1] == NEWSPARSE_EMPTY_INPUT && many[1] == NULL);
  newsparse_article_free(many[0]);
  CHECK(newsparse_parse_many(bytes("abc"), NULL, 2, NULL, 0, many, codes) == NEWSPARSE_NULL_ARGUMENT);
  const char *paths[2] = {"tests/fixtures/upi-kislyak.txt", "/no/such/file.txt"};
  CHECK(newsparse_parse_files(paths, 2, NULL, 0, many, codes) == NEWSPARSE_OK);
  CHECK(codes[0] == NEWSPARSE_OK && codes[1] == NEWSPARSE_IO_ERROR && many[1] == NULL);
  newsparse_article_free(many[0]);
  CHECK(newsparse_parse_files(NULL, 2, NULL, 0, many, codes) == NEWSPARSE_NULL_ARGUMENT);

  /* Arrow: a batch through the C Data Interface, its children, and the release
     callbacks (valgrind checks that they free everything); failures leave
     released structs. */
  struct ArrowArray array;
  struct ArrowSchema schema;
  const char *names[2] = {"a.txt", "b.txt"};
  CHECK(newsparse_parse_arrow(bytes("abc"), lens, 2, names, 2, &array, &schema) == NEWSPARSE_OK);
  CHECK(array.length == 2 && array.n_children == 14 && schema.n_children == 14);
  CHECK(strcmp(schema.format, "+s") == 0 && strcmp(schema.children[0]->name, "path") == 0);
  CHECK(strcmp(schema.children[13]->name, "error") == 0 && array.children[13]->null_count == 1);
  CHECK((schema.children[0]->flags & ARROW_FLAG_NULLABLE) == 0);
  array.release(&array);
  schema.release(&schema);
  CHECK(array.release == NULL && schema.release == NULL);
  CHECK(newsparse_parse_arrow(bytes("abc"), lens, 2, NULL, 0, NULL, &schema) == NEWSPARSE_NULL_ARGUMENT);
  CHECK(newsparse_parse_arrow(NULL, lens, 2, NULL, 0, &array, &schema) == NEWSPARSE_NULL_ARGUMENT);
  CHECK(array.release == NULL && schema.release == NULL);

  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
