//! The AWS settings a session asks for, built from the run's settings (the global flags), and the errors of a bad
//! configuration in terms of those flags (the AWS layer knows nothing of the command line).

use crate::aws::{Settings, SettingsError};
use crate::error::{input_error, CliError, Hint, SettingNames};
use crate::settings::Settings as Flags;

pub fn from_flags(g: &Flags) -> Settings {
    Settings {
        profile: g.profile.clone(),
        region: g.region.clone(),
        endpoint_url: g.endpoint_url.clone(),
        assume_role: g.assume_role.clone(),
    }
}

/// A configuration error as the user would fix it: exit 2, naming the flag or variable.
pub fn error(e: SettingsError, g: &Flags) -> CliError {
    match e {
        SettingsError::NoRegion => input_error(
            "no AWS region: pass --region, set AWS_REGION, or set `region` in the profile",
        ),
        SettingsError::BadRegion(r) if g.region.is_some() => {
            input_error(format!("invalid --region '{r}': {}", region_fix(&r)))
        }
        SettingsError::BadRegion(r) => input_error(format!(
            "invalid AWS region '{r}' (from AWS_REGION, AWS_DEFAULT_REGION or the profile): {}",
            region_fix(&r)
        )),
        SettingsError::BadEndpoint(e) => input_error(format!(
            "invalid --endpoint-url '{e}': expected http://HOST[:PORT] or https://HOST[:PORT]"
        )),
        SettingsError::BadRole(r) => input_error(format!(
            "invalid --assume-role '{r}': expected arn:aws:iam::ACCOUNT:role/NAME"
        )),
        SettingsError::MissingProfile {
            name,
            from_env,
            config,
            credentials,
        } => input_error(format!(
            "The config profile ({name}) could not be found (from {}; looked in {} and {})",
            if from_env { "AWS_PROFILE" } else { "--profile" },
            config.display(),
            credentials.display()
        ))
        .hinted("`aws configure list-profiles` lists the profiles; AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE move the files"),
        SettingsError::BadRetry {
            source,
            value,
            expected,
        } => input_error(format!("invalid {source} '{value}': expected {expected}")),
    }
}

/// What to write instead of a region name that is not one: the closest known region, else the
/// shape of one.
fn region_fix(r: &str) -> String {
    match crate::values::closest_region(r) {
        Some(known) => format!("did you mean {known}?"),
        None => "expected a region name such as us-east-1".into(),
    }
}

/// Name the flags in the hints of an error that came from the AWS layer, and the region in use
/// where a hint suspects it.
pub fn with_flag_hints(mut e: CliError, region: Option<&str>) -> CliError {
    let known = region.is_some_and(|r| crate::values::REGIONS.contains(&r));
    let names = SettingNames::Flags { region, known };
    for h in &mut e.hints {
        if !matches!(h, Hint::Text(_)) {
            *h = Hint::Text(h.render(names));
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dns_error() -> CliError {
        crate::error::failed("cannot resolve host").hinted(Hint::Unresolved)
    }

    #[test]
    fn a_known_region_is_not_suspected_of_being_unknown() {
        let e = with_flag_hints(dns_error(), Some("us-east-1"));
        assert_eq!(
            e.hints,
            ["the host does not resolve: no network or DNS, or a proxy that must be set (HTTPS_PROXY)"]
        );
        let e = with_flag_hints(dns_error(), Some("us-eest-1"));
        assert!(
            e.hints[0]
                .to_string()
                .contains("an unknown region (us-eest-1? check --region / AWS_REGION)"),
            "{:?}",
            e.hints
        );
    }
}
