//! The fulfiller's deployment package: a zip whose `bootstrap` is a lakegate binary the Lambda
//! custom runtime `provided.al2023` (x86_64) can run. Pure: no AWS here.
//!
//! A binary is checked before it is packed: an ELF64 little-endian x86_64 executable for Linux
//! whose GNU symbol version needs (`.gnu.version_r`) ask for glibc 2.34 at most, the version of
//! Amazon Linux 2023. A static (musl) build has no such needs and always fits.

use crate::error::{input_error, Result};
use std::io::Write;

/// The newest glibc of Amazon Linux 2023 (`provided.al2023`).
pub const MAX_GLIBC: (u32, u32) = (2, 34);

/// How to build a binary that fits, for error messages.
pub const BUILD_HINT: &str = "build one for Lambda with `cargo zigbuild --release --target x86_64-unknown-linux-gnu.2.34` (cargo-zigbuild) or `cargo build --release --target x86_64-unknown-linux-musl`, then pass it with --binary, or a ready package with --zip";

/// What the ELF headers say about a binary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElfInfo {
    /// The newest `GLIBC_x.y` version needed; None for a static or non-glibc binary.
    pub max_glibc: Option<(u32, u32)>,
}

fn u16_at(b: &[u8], o: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(o..o + 2)?.try_into().ok()?))
}
fn u32_at(b: &[u8], o: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(o..o + 4)?.try_into().ok()?))
}
fn u64_at(b: &[u8], o: usize) -> Option<usize> {
    usize::try_from(u64::from_le_bytes(b.get(o..o + 8)?.try_into().ok()?)).ok()
}
fn cstr_at(b: &[u8], o: usize) -> Option<&str> {
    let rest = b.get(o..)?;
    let end = rest.iter().position(|&c| c == 0)?;
    std::str::from_utf8(&rest[..end]).ok()
}

const SHT_GNU_VERNEED: u32 = 0x6fff_fffe;

/// Check that `bytes` is a Linux x86_64 executable Lambda's `provided.al2023` can run;
/// `what` names it in errors.
pub fn check_binary(what: &str, bytes: &[u8]) -> Result<ElfInfo> {
    let bad = |why: &str| input_error(format!("{what}: {why}")).hinted(BUILD_HINT);
    if bytes.get(..4) != Some(b"\x7fELF") {
        return Err(bad("not an ELF executable (Lambda runs Linux binaries)"));
    }
    if bytes.get(4) != Some(&2) || bytes.get(5) != Some(&1) {
        return Err(bad("not a 64-bit little-endian ELF file"));
    }
    if !matches!(bytes.get(7), Some(0) | Some(3)) {
        return Err(bad("not built for Linux (ELF OS/ABI)"));
    }
    if !matches!(u16_at(bytes, 16), Some(2) | Some(3)) {
        return Err(bad("not an executable (ELF type)"));
    }
    if u16_at(bytes, 18) != Some(62) {
        return Err(bad(
            "not an x86_64 binary (the function is deployed for x86_64)",
        ));
    }
    let malformed = || bad("malformed ELF section headers");
    let shoff = u64_at(bytes, 40).ok_or_else(malformed)?;
    let shentsize = usize::from(u16_at(bytes, 58).ok_or_else(malformed)?);
    let shnum = usize::from(u16_at(bytes, 60).ok_or_else(malformed)?);
    let section = |i: usize| -> Option<(u32, usize, usize, usize, usize)> {
        let h = shoff.checked_add(i.checked_mul(shentsize)?)?;
        Some((
            u32_at(bytes, h + 4)?,                         // sh_type
            u64_at(bytes, h + 24)?,                        // sh_offset
            u64_at(bytes, h + 32)?,                        // sh_size
            usize::try_from(u32_at(bytes, h + 40)?).ok()?, // sh_link
            usize::try_from(u32_at(bytes, h + 44)?).ok()?, // sh_info
        ))
    };
    let mut max: Option<(u32, u32)> = None;
    for i in 0..shnum {
        let (ty, off, _size, link, count) = section(i).ok_or_else(malformed)?;
        if ty != SHT_GNU_VERNEED {
            continue;
        }
        let (_, stroff, strsize, _, _) = section(link).ok_or_else(malformed)?;
        let strtab = bytes
            .get(stroff..stroff.checked_add(strsize).ok_or_else(malformed)?)
            .ok_or_else(malformed)?;
        // Elf64_Verneed entries, each with vn_cnt Elf64_Vernaux entries.
        let mut vn = off;
        for _ in 0..count {
            let cnt = u16_at(bytes, vn + 2).ok_or_else(malformed)?;
            let aux = u32_at(bytes, vn + 8).ok_or_else(malformed)? as usize;
            let next = u32_at(bytes, vn + 12).ok_or_else(malformed)? as usize;
            let mut a = vn + aux;
            for _ in 0..cnt {
                let name = u32_at(bytes, a + 8).ok_or_else(malformed)? as usize;
                if let Some(v) = cstr_at(strtab, name).and_then(glibc_version) {
                    max = max.max(Some(v));
                }
                let an = u32_at(bytes, a + 12).ok_or_else(malformed)? as usize;
                if an == 0 {
                    break;
                }
                a += an;
            }
            if next == 0 {
                break;
            }
            vn += next;
        }
    }
    if let Some((maj, min)) = max {
        if (maj, min) > MAX_GLIBC {
            return Err(bad(&format!(
                "needs glibc {maj}.{min}, newer than the {}.{} of Lambda's provided.al2023",
                MAX_GLIBC.0, MAX_GLIBC.1
            )));
        }
    }
    Ok(ElfInfo { max_glibc: max })
}

/// `GLIBC_2.34` → (2, 34); other version names → None.
fn glibc_version(name: &str) -> Option<(u32, u32)> {
    let v = name.strip_prefix("GLIBC_")?;
    let mut parts = v.split('.');
    let maj = parts.next()?.parse().ok()?;
    let min = parts.next().map_or(Some(0), |m| m.parse().ok())?;
    Some((maj, min))
}

/// The deployment package: `bootstrap` (mode 0755) holding `binary`, deflated, with a fixed
/// timestamp so the same binary always gives the same zip (and the same CodeSha256).
pub fn zip_bootstrap(binary: &[u8]) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o755)
        .last_modified_time(zip::DateTime::default());
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let err =
        |e: &dyn std::fmt::Display| crate::error::failed(format!("cannot build the zip: {e}"));
    w.start_file("bootstrap", opts).map_err(|e| err(&e))?;
    w.write_all(binary).map_err(|e| err(&e))?;
    Ok(w.finish().map_err(|e| err(&e))?.into_inner())
}

/// Check a ready-made package: a zip with a `bootstrap` entry.
pub fn check_zip(what: &str, bytes: &[u8]) -> Result<()> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| input_error(format!("{what}: not a zip file: {e}")))?;
    let mut f = z.by_name("bootstrap").map_err(|_| {
        input_error(format!(
            "{what}: no 'bootstrap' at the top of the zip (the custom runtime starts it)"
        ))
    })?;
    let mut head = Vec::new();
    std::io::Read::read_to_end(&mut f, &mut head)
        .map_err(|e| input_error(format!("{what}: bootstrap cannot be read: {e}")))?;
    check_binary(&format!("{what}: bootstrap"), &head).map(|_| ())
}

/// Lambda's CodeSha256 of a package: base64 of its SHA-256.
pub fn code_sha256(zip: &[u8]) -> String {
    use sha2::Digest;
    crate::aws::base64(sha2::Sha256::digest(zip).as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_test_binary_is_read() {
        let me = std::fs::read(std::env::current_exe().unwrap()).unwrap();
        // Whatever this machine's glibc, the headers are read (a too new one is refused).
        match check_binary("test", &me) {
            Ok(i) => assert!(i.max_glibc.is_none_or(|v| v <= MAX_GLIBC)),
            Err(e) => assert!(e.message.contains("needs glibc"), "{}", e.message),
        }
    }

    #[test]
    fn not_elf_or_not_x86_64_is_refused_with_the_way_out() {
        let e = check_binary("f", b"#!/bin/sh\n").unwrap_err();
        assert!(e.message.contains("not an ELF"), "{}", e.message);
        assert!(e.hints[0].to_string().contains("zigbuild"));
        let mut h = vec![0u8; 64];
        h[..4].copy_from_slice(b"\x7fELF");
        h[4] = 2;
        h[5] = 1;
        h[16] = 2;
        h[18] = 183; // aarch64
        let e = check_binary("f", &h).unwrap_err();
        assert!(e.message.contains("x86_64"), "{}", e.message);
    }

    #[test]
    fn glibc_versions_are_parsed() {
        assert_eq!(glibc_version("GLIBC_2.34"), Some((2, 34)));
        assert_eq!(glibc_version("GLIBC_2.2.5"), Some((2, 2)));
        assert_eq!(glibc_version("GLIBC_PRIVATE"), None);
        assert!((2, 35) > MAX_GLIBC && (2, 4) < MAX_GLIBC);
    }

    #[test]
    fn the_zip_is_the_same_for_the_same_binary() {
        let a = zip_bootstrap(b"binary").unwrap();
        assert_eq!(a, zip_bootstrap(b"binary").unwrap());
        assert_eq!(
            code_sha256(&a),
            code_sha256(&zip_bootstrap(b"binary").unwrap())
        );
        let e = check_zip("z", &a).unwrap_err();
        assert!(e.message.contains("bootstrap"), "{}", e.message);
    }
}
