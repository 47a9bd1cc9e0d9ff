import sys

import newsparse

path = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/upi-kislyak.txt"
try:
    with open(path, "rb") as f:
        article = newsparse.parse(f)
    print(article.headline, "at byte", article.headline.offset)
    print(article.byline.authors, article.agency, len(article.paragraphs), article.published_at)
    print(article.to_json())
except newsparse.NewsparseError as e:
    print(e.code, e.message, e.offset)
