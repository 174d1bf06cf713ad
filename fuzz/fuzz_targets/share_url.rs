//! libFuzzer entry for [`brief_fuzz::share_url`]; the check and its reasons live there.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| brief_fuzz::share_url(data));
