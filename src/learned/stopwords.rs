//! English function words, the stopwords whose density tells running prose
//! from titles and labels (as jusText reads it).

/// Lower-case English function words, in alphabetical order; contractions
/// with an ASCII apostrophe (a typographic one is read as it).
const STOPWORDS: [&str; 168] = [
    "a", "about", "above", "after", "again", "against", "all", "also", "although", "am", "among",
    "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "can't", "could", "did", "didn't", "do", "does",
    "doesn't", "doing", "don't", "down", "during", "each", "either", "even", "ever", "every",
    "few", "for", "from", "further", "had", "has", "have", "having", "he", "he's", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "however", "i", "i'm", "if", "in", "into",
    "is", "isn't", "it", "it's", "its", "itself", "just", "many", "may", "me", "might", "more",
    "most", "much", "must", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off",
    "often", "on", "once", "only", "or", "other", "others", "our", "ours", "out", "over", "own",
    "rather", "said", "same", "says", "she", "should", "since", "so", "some", "still", "such",
    "than", "that", "that's", "the", "their", "theirs", "them", "then", "there", "there's",
    "these", "they", "they're", "this", "those", "though", "through", "thus", "to", "too", "under",
    "unless", "until", "up", "upon", "us", "very", "was", "wasn't", "we", "we're", "were", "what",
    "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
    "within", "without", "won't", "would", "yet", "you", "your", "yours", "yourself",
];

/// Longest stopword, in bytes.
const LONGEST: usize = 8;

/// A word of at most [`LONGEST`] bytes packed into an integer, its first
/// byte lowest: words compare as one integer rather than byte by byte.
const fn pack(word: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = word.len();
    while i > 0 {
        i -= 1;
        key = (key << 8) | word[i] as u64;
    }
    key
}

/// Slots of [`TABLE`]: a power of two, over three times the stopwords, so
/// that probes are short.
const SLOTS: usize = 512;

/// The slot a key hashes to (multiplicative hashing, the top bits).
const fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// [`STOPWORDS`] packed, in an open-addressing table (linear probing; zero
/// marks an empty slot, which no packed word is), built at compile time.
const TABLE: [u64; SLOTS] = {
    let mut table = [0u64; SLOTS];
    let mut i = 0;
    while i < STOPWORDS.len() {
        let key = pack(STOPWORDS[i].as_bytes());
        let mut at = slot(key);
        while table[at] != 0 {
            at = (at + 1) % SLOTS;
        }
        table[at] = key;
        i += 1;
    }
    table
};

/// Whether the packed word `key` is in [`TABLE`].
fn in_table(key: u64) -> bool {
    let mut at = slot(key);
    loop {
        match TABLE[at] {
            0 => return false,
            k if k == key => return true,
            _ => at = (at + 1) % SLOTS,
        }
    }
}

/// The typographic apostrophe, `’`, in UTF-8.
const CURLY_APOSTROPHE: [u8; 3] = [0xE2, 0x80, 0x99];

/// Whether `word` (stripped of surrounding punctuation) is a stopword, in
/// any case. Words longer than any stopword are turned away by their length.
pub(super) fn is_stopword(word: &str) -> bool {
    let b = word.as_bytes();
    // A curly apostrophe takes two bytes more than the ASCII one it stands for.
    if b.is_empty() || b.len() > LONGEST + 2 {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    let (mut i, mut len) = (0, 0);
    while i < b.len() {
        if len == LONGEST {
            return false;
        }
        if b[i..].starts_with(&CURLY_APOSTROPHE) {
            buf[len] = b'\'';
            i += 3;
        } else {
            buf[len] = b[i].to_ascii_lowercase();
            i += 1;
        }
        len += 1;
    }
    // No stopword holds a zero byte, so the zero padding cannot make a match.
    in_table(u64::from_le_bytes(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_lower_case_and_within_longest() {
        assert!(
            STOPWORDS
                .windows(2)
                .all(|w| w[0].as_bytes() < w[1].as_bytes())
        );
        assert!(
            STOPWORDS
                .iter()
                .all(|w| w.len() <= LONGEST && *w == w.to_ascii_lowercase())
        );
    }

    #[test]
    fn words_in_any_case_and_apostrophe() {
        for w in ["the", "The", "THE", "yourself", "don't", "don’t", "It’s"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["", "senate", "Theirs’s", "yourselves", "ca"] {
            assert!(!is_stopword(w), "{w}");
        }
    }
}
