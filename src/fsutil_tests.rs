use super::*;

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn replaces_content_and_leaves_no_temporary() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("a.txt");
    write_atomic(&p, b"one")?;
    write_atomic(&p, b"two, longer")?;
    assert_eq!(std::fs::read(&p)?, b"two, longer");
    assert_eq!(names(dir.path()), vec!["a.txt"]);
    Ok(())
}

#[test]
fn failing_fill_keeps_old_file() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("a.txt");
    write_atomic(&p, b"old")?;
    let r = AtomicWrite::new(&p).write_with(|w| {
        w.write_all(b"half of the new")?;
        Err(io::Error::other("disk on fire"))
    });
    assert!(r.is_err());
    assert_eq!(std::fs::read(&p)?, b"old");
    assert_eq!(names(dir.path()), vec!["a.txt"]);
    Ok(())
}

#[test]
fn no_clobber_refuses_existing_file() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("a.txt");
    AtomicWrite::new(&p).no_clobber().write(b"first")?;
    let err = AtomicWrite::new(&p).no_clobber().write(b"second");
    assert!(
        format!("{:#}", err.err().unwrap_or_else(|| anyhow::anyhow!("")))
            .contains("already exists")
    );
    assert_eq!(std::fs::read(&p)?, b"first");
    assert_eq!(names(dir.path()), vec!["a.txt"]);
    Ok(())
}

#[test]
fn rename_over_a_folder_fails_cleanly() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("target");
    std::fs::create_dir(&p)?;
    std::fs::write(p.join("inner"), b"keep")?;
    assert!(write_atomic(&p, b"x").is_err());
    assert_eq!(std::fs::read(p.join("inner"))?, b"keep");
    assert_eq!(names(dir.path()), vec!["target"]);
    Ok(())
}

#[test]
fn create_dirs_makes_parents() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("x/y/z.toml");
    assert!(write_atomic(&p, b"v").is_err());
    AtomicWrite::new(&p).create_dirs().write(b"v")?;
    assert_eq!(std::fs::read(&p)?, b"v");
    Ok(())
}

#[cfg(unix)]
#[test]
fn keeps_mode_of_replaced_file_and_defaults_to_0644() -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("a");
    write_atomic(&p, b"1")?;
    assert_eq!(std::fs::metadata(&p)?.permissions().mode() & 0o777, 0o644);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640))?;
    write_atomic(&p, b"2")?;
    assert_eq!(std::fs::metadata(&p)?.permissions().mode() & 0o777, 0o640);
    AtomicWrite::new(&p).mode(0o600).write(b"3")?;
    assert_eq!(std::fs::metadata(&p)?.permissions().mode() & 0o777, 0o600);
    Ok(())
}

#[cfg(unix)]
#[test]
fn read_only_folder_fails_unless_root() -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("a");
    write_atomic(&p, b"old")?;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555))?;
    let r = write_atomic(&p, b"new");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))?;
    // Root ignores permission bits: then the write succeeds, and that is correct too.
    if r.is_err() {
        assert_eq!(std::fs::read(&p)?, b"old");
    } else {
        assert_eq!(std::fs::read(&p)?, b"new");
    }
    assert_eq!(names(dir.path()), vec!["a"]);
    Ok(())
}

#[test]
fn xdg_dir_prefers_absolute_variable() {
    // Uses a variable name no other test touches, so parallel tests cannot race on it.
    std::env::set_var("BRIEF_TEST_XDG_ABS", "/tmp/brief-xdg");
    assert_eq!(
        xdg_dir("BRIEF_TEST_XDG_ABS", ".cache"),
        Some(PathBuf::from("/tmp/brief-xdg"))
    );
    std::env::set_var("BRIEF_TEST_XDG_REL", "relative/path");
    let got = xdg_dir("BRIEF_TEST_XDG_REL", ".cache");
    assert_ne!(got, Some(PathBuf::from("relative/path")));
}
