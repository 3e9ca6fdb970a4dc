//! The files uploaded: made once (kept between runs in the files directory,
//! remade when the size differs) and read through before measuring, so every
//! client reads them from the page cache.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

pub const MIB: u64 = 1024 * 1024;
pub const GIB: u64 = 1024 * MIB;

/// A file of `size` bytes in `dir`, named after its size, page-cached.
pub fn prepare(dir: &Path, size: u64) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(format!("bench-{}MiB.mp4", size / MIB));
    let fits = std::fs::metadata(&path)
        .map(|m| m.len() == size)
        .unwrap_or(false);
    if !fits {
        write(&path, size, 0).map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    warm(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    Ok(path)
}

/// `count` files of `size` bytes in `dir`, each with bytes of its own (the
/// batch row: a batch of one file named many times would be no batch).
pub fn prepare_many(dir: &Path, size: u64, count: usize) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    (0..count)
        .map(|i| {
            let path = dir.join(format!("bench-batch-{}MiB-{i:02}.mp4", size / MIB));
            let fits = std::fs::metadata(&path)
                .map(|m| m.len() == size)
                .unwrap_or(false);
            if !fits {
                write(&path, size, i as u64 + 1)
                    .map_err(|e| format!("writing {}: {e}", path.display()))?;
            }
            warm(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
            Ok(path)
        })
        .collect()
}

/// Bytes that do not compress and differ per MiB (no client can cheat on
/// them), and per file by `salt`.
fn write(path: &Path, size: u64, salt: u64) -> std::io::Result<()> {
    let tmp = path.with_extension("partial");
    let mut f = std::io::BufWriter::with_capacity(MIB as usize, std::fs::File::create(&tmp)?);
    let mut block = vec![0u8; MIB as usize];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for b in block.iter_mut() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        *b = state as u8;
    }
    if salt != 0 {
        block[8..16].copy_from_slice(&salt.to_le_bytes());
    }
    let mut left = size;
    let mut i = 0u64;
    while left > 0 {
        block[..8].copy_from_slice(&i.to_le_bytes());
        let n = left.min(MIB) as usize;
        f.write_all(&block[..n])?;
        left -= n as u64;
        i += 1;
    }
    f.flush()?;
    drop(f);
    std::fs::rename(tmp, path)
}

fn warm(path: &Path) -> std::io::Result<()> {
    let mut f = std::fs::File::open(path)?;
    let mut buf = vec![0u8; 4 * MIB as usize];
    while f.read(&mut buf)? > 0 {}
    Ok(())
}
