"""The shipped knowledge of the evening reading: plain-text lexicon files (see README.txt)."""
