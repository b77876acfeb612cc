"""Words for the benchmarks' made-up articles (the samples' vocabulary, with an emoji)."""

WORDS = (  # noqa: SIM905 (a sentence reads better than a column of words)
    "Russia recruits migrants from Central Asia said officials casualties nearly 300,000 "
    "about 500,000 according to the ministry of defence intelligence update contract "
    "soldiers salaries rubles dollars reported claimed army reserve 🎙️ mobilisation "
    "Kremlin election"
).split()
