//! Any input: the EventBridge/DataZone event parser never panics, and what it accepts is an event
//! lakegate can act on (a grant or revoke names a valid domain and request or grant id).
#![no_main]

use lakegate_policy::event::{is_domain_id, is_id, parse_event, EventAction};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_event(text) {
        Ok(ev) => match ev.action {
            EventAction::Grant | EventAction::Revoke => {
                assert!(is_domain_id(&ev.domain));
                assert!(is_id(&ev.request_id));
                assert!(ev.detail_type.starts_with("Subscription "));
                if let Some(g) = &ev.grant {
                    assert_eq!(g.grant_id, ev.request_id);
                    assert!(g.asset_id.as_deref().is_none_or(is_id));
                }
            }
            EventAction::Ignore(reason) => assert!(!reason.is_empty()),
        },
        Err(e) => {
            assert!(e.starts_with("event: "));
            assert!(!e.contains('\n') || e.contains("not JSON"));
        }
    }
});
