//! AWS region names: the shape every region has (`us-east-1`, `us-gov-west-1`), the regions
//! known today, and the closest of them to a mistyped one.

/// Every region of the aws, aws-cn and aws-us-gov partitions (the SDK's partition metadata is not
/// public API, so the list is kept here): completion offers them, and a region name that is not
/// shaped like one is refused with the closest of them.
pub const REGIONS: &[&str] = &[
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "cn-north-1",
    "cn-northwest-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-gov-east-1",
    "us-gov-west-1",
    "us-west-1",
    "us-west-2",
];

/// Whether `s` is shaped like a region name: a two-letter area, one or two lower-case words and
/// a number, joined by `-` (`eu-west-1`, `ap-southeast-7`, `us-gov-west-1`). Regions AWS opens
/// later have the same shape, so a name need not be in [`REGIONS`] (and a local emulator takes
/// any), but `us-east1` or `Frankfurt` is a mistake.
pub fn is_region_shaped(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let word = |w: &&str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
    match parts.as_slice() {
        [area, words @ .., number] => {
            area.len() == 2
                && word(area)
                && (1..=2).contains(&words.len())
                && words.iter().all(word)
                && (1..=2).contains(&number.len())
                && number.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// The known region closest to a mistyped name (`us-east1` → `us-east-1`), if one is close.
pub fn closest_region(s: &str) -> Option<&'static str> {
    let folded = s.to_ascii_lowercase().replace(['_', ' '], "-");
    let squeeze = |r: &str| r.replace('-', "");
    REGIONS
        .iter()
        .map(|r| {
            let d = if squeeze(r) == squeeze(&folded) {
                0
            } else {
                strsim::levenshtein(r, &folded)
            };
            (d, *r)
        })
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, r)| r)
}

/// Why `s` is not a region name, with the closest known region when one is close.
pub fn region_error(s: &str) -> String {
    let shown = crate::error::escape_controls(s);
    match closest_region(s) {
        Some(r) => format!("'{shown}' is not a region name: did you mean {r}?"),
        None => format!("'{shown}' is not a region name (e.g. us-east-1, eu-west-1)"),
    }
}

/// `s` if it is shaped like a region name, else why not.
pub fn check_region(s: &str) -> Result<String, String> {
    if is_region_shaped(s) {
        Ok(s.to_string())
    } else {
        Err(region_error(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_region_is_region_shaped() {
        for r in REGIONS {
            assert!(is_region_shaped(r), "{r}");
        }
        assert!(is_region_shaped("us-isob-east-1"));
        assert!(is_region_shaped("xx-newplace-12"));
    }

    #[test]
    fn mistyped_regions_are_refused_with_the_closest() {
        for bad in [
            "us-east1",
            "useast-1",
            "US-EAST-1",
            "us_east_1",
            "us-eest-1",
        ] {
            assert!(!is_region_shaped(bad) || bad == "us-eest-1", "{bad}");
            assert_eq!(closest_region(bad), Some("us-east-1"), "{bad}");
        }
        let e = check_region("us-east1").unwrap_err();
        assert_eq!(
            e,
            "'us-east1' is not a region name: did you mean us-east-1?"
        );
        for bad in [
            "",
            "local",
            "Frankfurt",
            "us east 1",
            "eu-west-",
            "-1",
            "a-b-1",
        ] {
            assert!(check_region(bad).is_err(), "{bad:?}");
        }
        assert!(check_region("local")
            .unwrap_err()
            .contains("(e.g. us-east-1, eu-west-1)"));
    }
}
