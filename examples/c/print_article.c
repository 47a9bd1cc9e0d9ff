/*
 * Parses the news article in the file named on the command line and prints
 * its parts, one per line, with their byte offsets in the file.
 *
 *   capi/install.sh --prefix "$HOME/.local"   (see the README's C API section)
 *   cc -std=c99 -Wall -Wextra -Werror examples/c/print_article.c \
 *      $(pkg-config --cflags --libs newsparse) -o print_article
 *   ./print_article tests/fixtures/upi-kislyak.txt
 *
 * Exit status: 0 on success, 1 when the file cannot be read, 2 when it cannot
 * be parsed (the error code, message and offset go to stderr).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsparse.h"

/* Reads a whole file into a new buffer; the caller frees it. */
static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    return NULL;
  }
  size_t cap = 1 << 16, n = 0;
  unsigned char *buf = malloc(cap);
  while (buf != NULL) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) {
      break;
    }
    unsigned char *bigger = realloc(buf, cap * 2);
    if (bigger == NULL) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = bigger;
    cap *= 2;
  }
  if (buf != NULL && ferror(f)) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *len = n;
  return buf;
}

/* Prints one optional string field as `label: value @offset` (or `label: -`). */
static void print_field(const char *label, newsparse_result rc, newsparse_str s, size_t offset) {
  if (rc == NEWSPARSE_NOT_FOUND) {
    printf("%s: -\n", label);
  } else if (offset == NEWSPARSE_NO_OFFSET) {
    printf("%s: %.*s\n", label, (int)s.len, s.ptr);
  } else {
    printf("%s: %.*s @%zu\n", label, (int)s.len, s.ptr, offset);
  }
}

typedef newsparse_result (*field_fn)(const newsparse_article *, newsparse_str *, size_t *);
typedef newsparse_result (*item_fn)(const newsparse_article *, size_t, newsparse_str *, size_t *);
typedef size_t (*count_fn)(const newsparse_article *);

static void field(const newsparse_article *a, const char *label, field_fn get) {
  newsparse_str s;
  size_t offset;
  newsparse_result rc = get(a, &s, &offset);
  print_field(label, rc, s, offset);
}

static void list(const newsparse_article *a, const char *label, count_fn count, item_fn get) {
  size_t n = count(a);
  printf("%s: %zu\n", label, n);
  for (size_t i = 0; i < n; i++) {
    newsparse_str s;
    size_t offset;
    char item[64];
    newsparse_result rc = get(a, i, &s, &offset);
    snprintf(item, sizeof item, "%s[%zu]", label, i);
    print_field(item, rc, s, offset);
  }
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 1;
  }
  if (strcmp(newsparse_version(), NEWSPARSE_VERSION) != 0) {
    fprintf(stderr, "library %s does not match header %s\n", newsparse_version(), NEWSPARSE_VERSION);
    return 1;
  }
  size_t len = 0;
  unsigned char *text = read_file(argv[1], &len);
  if (text == NULL) {
    perror(argv[1]);
    return 1;
  }

  newsparse_article *article = NULL;
  newsparse_result rc = newsparse_parse(text, len, &article);
  if (rc != NEWSPARSE_OK) {
    char message[256];
    newsparse_last_error_message(message, sizeof message);
    fprintf(stderr, "%s: %s: %s (offset %zu)\n", argv[1], newsparse_result_name(rc), message,
            newsparse_last_error_offset());
    free(text);
    return 2;
  }

  printf("version: %s\n", newsparse_version());
  field(article, "headline", newsparse_article_headline);
  field(article, "published", newsparse_article_published);
  field(article, "byline", newsparse_article_byline_text);
  list(article, "author", newsparse_article_byline_author_count, newsparse_article_byline_author);
  field(article, "affiliation", newsparse_article_byline_affiliation);
  field(article, "dateline", newsparse_article_dateline_text);
  field(article, "dateline.location", newsparse_article_dateline_location);
  field(article, "dateline.city", newsparse_article_dateline_city);
  field(article, "dateline.region", newsparse_article_dateline_region);
  field(article, "dateline.state", newsparse_article_dateline_state);
  field(article, "dateline.date", newsparse_article_dateline_date);
  newsparse_date date;
  if (newsparse_article_dateline_date_parts(article, &date) == NEWSPARSE_OK) {
    if (date.has_year) {
      printf("dateline.date.parts: %04u-%02u-%02u\n", (unsigned)date.year, (unsigned)date.month,
             (unsigned)date.day);
    } else {
      printf("dateline.date.parts: --%02u-%02u\n", (unsigned)date.month, (unsigned)date.day);
    }
  }
  field(article, "dateline.agency", newsparse_article_dateline_agency);
  field(article, "agency", newsparse_article_agency);
  list(article, "paragraph", newsparse_article_paragraph_count, newsparse_article_paragraph);
  size_t captions = newsparse_article_caption_count(article);
  printf("caption: %zu\n", captions);
  for (size_t i = 0; i < captions; i++) {
    newsparse_str s;
    size_t offset;
    char item[64];
    newsparse_result rc = newsparse_article_caption(article, i, &s, &offset);
    snprintf(item, sizeof item, "caption[%zu]", i);
    print_field(item, rc, s, offset);
    rc = newsparse_article_caption_credit(article, i, &s, &offset);
    snprintf(item, sizeof item, "caption[%zu].credit", i);
    print_field(item, rc, s, offset);
  }
  list(article, "related", newsparse_article_related_count, newsparse_article_related);
  field(article, "credits", newsparse_article_credits);
  list(article, "boilerplate", newsparse_article_boilerplate_count, newsparse_article_boilerplate);

  char *json = NULL;
  size_t json_len = 0;
  if (newsparse_article_to_json(article, &json, &json_len) == NEWSPARSE_OK) {
    printf("json: %zu bytes\n", json_len);
  }
  newsparse_string_free(json);

  /* The article views `text`: free it first, then the buffer. */
  newsparse_article_free(article);
  free(text);
  return 0;
}
