//! The sample briefing, embedded so `brief` with no path works from anywhere.

/// Folder name the sample articles are shown under.
pub const SAMPLE_DIR: &str = "samples/ukraine-talks";

/// (file name, contents) of every sample article, in path order.
pub const SAMPLE_FILES: &[(&str, &[u8])] = &[
    (
        "000_283513d952b592bb.txt",
        include_bytes!("../samples/ukraine-talks/000_283513d952b592bb.txt"),
    ),
    (
        "001_70a42e6bfbcecba7.txt",
        include_bytes!("../samples/ukraine-talks/001_70a42e6bfbcecba7.txt"),
    ),
    (
        "002_2bdf8af0f159c7e7.txt",
        include_bytes!("../samples/ukraine-talks/002_2bdf8af0f159c7e7.txt"),
    ),
    (
        "003_6fc9c2d93c119ec1.txt",
        include_bytes!("../samples/ukraine-talks/003_6fc9c2d93c119ec1.txt"),
    ),
    (
        "004_ea395bd22a47b23a.txt",
        include_bytes!("../samples/ukraine-talks/004_ea395bd22a47b23a.txt"),
    ),
];
