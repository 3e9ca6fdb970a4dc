//! The providers the emulator speaks: the one place that lists them all.
//! Each lives in a folder of its own and plugs in through
//! [`crate::common::Provider`].

pub mod baijiayun;
pub mod iqiyi;
pub mod quvideo;

use std::path::PathBuf;
use std::sync::Arc;

use crate::common::provider::Provider;

/// How the emulator is set up: one config per provider.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where uploads are stored, one folder per provider; a fresh temporary
    /// directory (removed when the emulator stops) when `None`.
    pub data_dir: Option<PathBuf>,
    /// Where the state is kept across runs ([`crate::common::persist`]):
    /// read back at start, saved as it changes and at the end. Uploads go
    /// to its `data/` folder unless `data_dir` says otherwise. `None` (the
    /// default): everything ends with the emulator.
    pub state_dir: Option<PathBuf>,
    pub baijiayun: baijiayun::Config,
    pub iqiyi: iqiyi::Config,
    pub quvideo: quvideo::Config,
}

/// An emulator where only Baijiayun is set up differently from the defaults.
impl From<baijiayun::Config> for Config {
    fn from(baijiayun: baijiayun::Config) -> Self {
        Config {
            baijiayun,
            ..Config::default()
        }
    }
}

/// An emulator where only iQiyi is set up differently from the defaults.
impl From<iqiyi::Config> for Config {
    fn from(iqiyi: iqiyi::Config) -> Self {
        Config {
            iqiyi,
            ..Config::default()
        }
    }
}

/// Every provider's state, built for a server at `root_url`.
pub(crate) struct Providers {
    pub(crate) baijiayun: Arc<baijiayun::Shared>,
    pub(crate) iqiyi: Arc<iqiyi::Shared>,
    pub(crate) quvideo: Arc<quvideo::Shared>,
    /// The temporary data directory, if one was made; removed on drop.
    _tmp: Option<tempfile::TempDir>,
}

impl Providers {
    pub(crate) fn new(config: Config, root_url: &str) -> std::io::Result<Providers> {
        let kept = config
            .state_dir
            .map(|dir| dir.join(crate::common::persist::DATA_DIR));
        let (data_dir, tmp) = match config.data_dir.or(kept) {
            Some(dir) => (dir, None),
            None => {
                let tmp = tempfile::Builder::new()
                    .prefix("vodkit-emulator-")
                    .tempdir()?;
                (tmp.path().to_owned(), Some(tmp))
            }
        };
        let url = |name: &str| format!("{root_url}/{name}");
        Ok(Providers {
            baijiayun: baijiayun::Shared::new(
                config.baijiayun,
                url(baijiayun::NAME),
                data_dir.join(baijiayun::NAME),
            )?,
            iqiyi: iqiyi::Shared::new(config.iqiyi, url(iqiyi::NAME), data_dir.join(iqiyi::NAME))?,
            quvideo: quvideo::Shared::new(config.quvideo, url(quvideo::NAME)),
            _tmp: tmp,
        })
    }

    /// Every provider, for the server to mount.
    pub(crate) fn all(&self) -> Vec<Arc<dyn Provider>> {
        vec![
            self.baijiayun.clone(),
            self.iqiyi.clone(),
            self.quvideo.clone(),
        ]
    }
}
