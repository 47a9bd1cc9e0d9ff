import newsparse

with open("tests/fixtures/upi-kislyak.txt", "rb") as f:
    text = f.read()
try:
    with newsparse.parse(text) as article:
        print(article.headline, "at byte", article.headline.offset)
        print(article.byline.authors, article.agency, len(article.paragraphs))
        print(article.to_json())
except newsparse.NewsparseError as e:
    print(e.code, e.message, e.offset)
