//! Guardrails proved or refuted with a counterexample: the engine of `access prove` and of a
//! lake file's `guardrails:` (`diff -f`, `apply -f`, `access prove -f`). The question is
//! answered by the symbolic model (`lakegate_policy::eval::exact`); this module words it for
//! people and scripts.

use crate::error::{failed, CliError, Result};
use crate::policy::eval::exact::{Counterexample, Guardrail, Model};
use crate::policy::eval::Effect;
use serde::Serialize;

/// One guardrail's answer for one bucket, as scripts read it.
#[derive(Debug, Clone, Serialize)]
pub struct Proof {
    pub guardrail: String,
    pub bucket: String,
    pub holds: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterexample: Option<Counterexample>,
}

/// The guardrail as people read it: `never external-write under sales_event/`,
/// `only arn:…:role/a may read under sales_event/`.
pub fn text(g: &Guardrail) -> String {
    match g {
        Guardrail::Never { what, prefix } => {
            format!("never {}{}", what.as_str(), under(prefix.as_deref()))
        }
        Guardrail::Only {
            principals,
            prefix,
            access,
        } => format!(
            "only {} may {}{}",
            principals.join(", "),
            access.as_str(),
            under(Some(prefix))
        ),
    }
}

fn under(prefix: Option<&str>) -> String {
    match prefix {
        Some(p) if !p.is_empty() => format!(" under {p}"),
        _ => " anywhere".to_string(),
    }
}

/// Prove `g` over every principal and key of the model's bucket, or find a counterexample.
pub fn prove(model: &Model<'_>, g: &Guardrail) -> Result<Proof> {
    let found = model
        .prove(g)
        .map_err(|e| failed(format!("cannot decide the guardrail: {e}")))?;
    Ok(Proof {
        guardrail: text(g),
        bucket: model.bucket.to_string(),
        holds: found.is_none(),
        counterexample: found,
    })
}

impl Proof {
    /// The answer for people: `holds: …`, or `does not hold: …` and the counterexample (the
    /// principal, the action on the key, the route, the statements that allow it, and the
    /// conditions it depends on).
    pub fn lines(&self) -> Vec<String> {
        let bucket = &self.bucket;
        let text = &self.guardrail;
        let Some(c) = &self.counterexample else {
            return vec![format!("holds: {text} (s3://{bucket})")];
        };
        let mut out = vec![
            format!("does not hold: {text} (s3://{bucket})"),
            format!("  {}", Self::counterexample_line(bucket, c)),
        ];
        if !c.only_if.is_empty() {
            out.push(format!("  only if {}", c.only_if.join("; ")));
        }
        out
    }

    fn counterexample_line(bucket: &str, c: &Counterexample) -> String {
        let who = if c.principal.is_empty() {
            "an anonymous request".to_string()
        } else {
            c.principal.clone()
        };
        let via = match &c.access_point {
            Some(a) => format!("through access point {a}"),
            None => "directly".to_string(),
        };
        let by: Vec<String> = c
            .statements
            .iter()
            .filter(|s| s.effect == Effect::Allow)
            .map(|s| match &s.sid {
                Some(sid) => format!("{} {sid}", s.policy),
                None => format!("{} #{}", s.policy, s.index),
            })
            .collect();
        format!(
            "{who} may {} s3://{bucket}/{} {via}, allowed by {}",
            c.action,
            c.key,
            by.join(", ")
        )
    }

    /// One line naming the counterexample, for an error message.
    pub fn summary(&self) -> String {
        match &self.counterexample {
            None => format!("{} holds on s3://{}", self.guardrail, self.bucket),
            Some(c) => format!(
                "{} does not hold on s3://{}: {}",
                self.guardrail,
                self.bucket,
                Self::counterexample_line(&self.bucket, c)
            ),
        }
    }
}

/// Print proofs: for scripts the proof (`one`: a single guardrail's) or the list, for people
/// each one's lines.
pub fn print(printer: &crate::output::Printer, proofs: &[Proof], one: bool) -> Result<()> {
    let lines = || {
        for p in proofs {
            for line in p.lines() {
                printer.line(line)?;
            }
        }
        Ok(())
    };
    match proofs {
        [single] if one => printer.result(single, lines),
        _ => printer.result(&proofs, lines),
    }
}

/// The refusal of a plan that breaks guardrails: exit 5, naming the first counterexample (the
/// printed plan names every one).
pub fn refusal(broken: &[&Proof], applying: bool) -> CliError {
    let first = broken.first().map(|p| p.summary()).unwrap_or_default();
    let more = if broken.len() > 1 {
        format!(" (and {} more)", broken.len() - 1)
    } else {
        String::new()
    };
    let what = if applying {
        "refusing to apply: nothing was changed"
    } else {
        "the plan breaks a guardrail"
    };
    crate::error::guardrail_broken(format!("{what}: guardrail {first}{more}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::eval::exact::Never;
    use crate::policy::eval::symbolic::Access;
    use crate::policy::eval::{Chain, CompiledPolicy, PolicySet};

    fn set(policy: &str) -> PolicySet {
        let doc = crate::policy::validate::parse_as(policy, crate::policy::PolicyType::Bucket)
            .expect("a valid bucket policy");
        PolicySet {
            identity: Vec::new(),
            bucket: Some(CompiledPolicy::compile(&doc, "bucket").unwrap()),
            bucket_account: "123456789012".into(),
            access_points: Vec::new(),
        }
    }

    // A bucket policy that names another account's role grants that role access across
    // accounts: "Bucket owner granting cross-account bucket permissions",
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example2.html
    const PARTNER_WRITES: &str = r#"{"Version":"2012-10-17","Statement":[
      {"Sid":"PartnerWrites","Effect":"Allow",
       "Principal":{"AWS":"arn:aws:iam::999988887777:role/partner"},
       "Action":"s3:PutObject","Resource":"arn:aws:s3:::lake/sales_event/*"}]}"#;

    fn check(set: &PolicySet, g: &Guardrail) -> Proof {
        let chain = Chain::default();
        let context = vec![("aws:SecureTransport".to_string(), "true".to_string())];
        let model = Model {
            set,
            chain: &chain,
            bucket: "lake",
            partition: "aws",
            context: &context,
            trusted: &[],
        };
        prove(&model, g).unwrap()
    }

    #[test]
    fn an_external_writer_is_the_counterexample() {
        let p = check(
            &set(PARTNER_WRITES),
            &Guardrail::Never {
                what: Never::ExternalWrite,
                prefix: None,
            },
        );
        assert!(!p.holds);
        let c = p.counterexample.as_ref().unwrap();
        assert_eq!(c.principal, "arn:aws:iam::999988887777:role/partner");
        assert_eq!(c.action, "s3:PutObject");
        assert!(c.key.starts_with("sales_event/"), "{}", c.key);
        let lines = p.lines();
        assert_eq!(
            lines[0],
            "does not hold: never external-write anywhere (s3://lake)"
        );
        assert!(
            lines[1].contains("directly, allowed by bucket PartnerWrites"),
            "{lines:?}"
        );
        assert!(p
            .summary()
            .contains("999988887777:role/partner may s3:PutObject"));
    }

    #[test]
    fn reading_is_not_writing_and_other_prefixes_are_not_concerned() {
        let s = set(PARTNER_WRITES);
        for g in [
            Guardrail::Never {
                what: Never::ExternalRead,
                prefix: None,
            },
            Guardrail::Never {
                what: Never::ExternalWrite,
                prefix: Some("inventory_event/".into()),
            },
            Guardrail::Only {
                principals: vec!["arn:aws:iam::999988887777:role/partner".into()],
                prefix: "sales_event/".into(),
                access: Access::Write,
            },
        ] {
            let p = check(&s, &g);
            assert!(p.holds, "{}", p.guardrail);
            assert_eq!(
                p.lines(),
                vec![format!("holds: {} (s3://lake)", p.guardrail)]
            );
        }
    }
}
