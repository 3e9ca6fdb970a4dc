//! Every registered provider's lifecycle facts (status, list, urls, delete,
//! cancel; state codes; review; credentials) agree with its catalog and
//! config schema, reach every binding through the catalog JSON, and hold
//! against the emulator's answers.

use serde_json::{json, Value};
use vodkit::api::{resolve_schema, Lifecycle, OperationInfo};
use vodkit::providers::registry;
use vodkit::Client;
use vodkit_emulator::Emulator;

fn op<'a>(ops: &'a [OperationInfo], name: &str) -> &'a OperationInfo {
    ops.iter()
        .find(|o| o.name == name)
        .unwrap_or_else(|| panic!("{name} is not in the catalog"))
}

fn has_param(info: &OperationInfo, name: &str) -> bool {
    info.params.iter().any(|p| p.name == name)
}

/// The properties of an answer schema (following `$ref`s), and its `$defs`.
fn answer_props(info: &OperationInfo) -> (Value, Value) {
    let defs = info.answer.get("$defs").cloned().unwrap_or(Value::Null);
    let props = resolve_schema(&info.answer, &defs)
        .get("properties")
        .cloned()
        .unwrap_or(Value::Null);
    (props, defs)
}

#[test]
fn every_lifecycle_operation_is_in_the_catalog_with_its_parameters() {
    for p in registry::providers() {
        let ops: Vec<OperationInfo> = p
            .catalog
            .iter()
            .map(|s| OperationInfo::of(s, s.path))
            .collect();
        let l: &Lifecycle = p.lifecycle;
        for (role, by_id) in [
            ("status", (l.status.operation, l.status.id_param)),
            ("urls", (l.urls.operation, l.urls.id_param)),
            ("delete", (l.delete.operation, l.delete.id_param)),
        ] {
            let info = op(&ops, by_id.0);
            assert!(
                has_param(info, by_id.1),
                "{} {role}: {} has no {}",
                p.name,
                by_id.0,
                by_id.1
            );
        }
        for (k, _) in l.delete.fixed {
            assert!(
                has_param(op(&ops, l.delete.operation), k),
                "{}: delete takes no {k}",
                p.name
            );
        }
        let list = op(&ops, l.list.operation);
        assert!(has_param(list, l.list.page_param), "{}", p.name);
        assert!(has_param(list, l.list.page_size_param), "{}", p.name);
        let (props, defs) = answer_props(list);
        assert!(
            props.get(l.list.total_field).is_some(),
            "{}: no {}",
            p.name,
            l.list.total_field
        );
        let items = props
            .get(l.list.items_field)
            .unwrap_or_else(|| panic!("{}: no {}", p.name, l.list.items_field));
        let item = resolve_schema(&resolve_schema(items, &defs)["items"], &defs);
        for c in l
            .list
            .columns
            .iter()
            .chain(l.list.coded.iter().map(|c| &c.field))
            .chain(l.list.times.iter().map(|t| &t.0))
        {
            assert!(
                item["properties"].get(*c).is_some(),
                "{}: a listed video has no {c}: {item}",
                p.name
            );
        }
        if !l.play_urls_field.is_empty() {
            let (urls, _) = answer_props(op(&ops, l.urls.operation));
            assert!(
                urls.get(l.play_urls_field).is_some(),
                "{}: no {}",
                p.name,
                l.play_urls_field
            );
        }
        let (status, _) = answer_props(op(&ops, l.status.operation));
        assert!(
            status.get(l.status.state.field).is_some(),
            "{}: no {}",
            p.name,
            l.status.state.field
        );
        if let Some(d) = &l.status.duplicate {
            assert!(
                status.get(d.flag_field).is_some(),
                "{}: no {}",
                p.name,
                d.flag_field
            );
            assert!(
                status.get(d.earlier_field).is_some(),
                "{}: no {}",
                p.name,
                d.earlier_field
            );
        }
        if let Some(r) = &l.status.review {
            assert!(status.get(r.field).is_some(), "{}: no {}", p.name, r.field);
        }
        if let Some(cancel) = l.upload.as_ref().and_then(|u| u.cancel) {
            op(&ops, cancel);
        }
        assert_eq!(
            l.upload.is_some(),
            p.upload_options_schema.is_some(),
            "{}",
            p.name
        );
    }
}

#[test]
fn state_codes_say_what_they_mean() {
    for p in registry::providers() {
        let l = p.lifecycle;
        let fields = std::iter::once(&l.status.state)
            .chain(l.status.review.as_ref())
            .chain(l.list.coded.iter());
        for f in fields {
            let mut codes: Vec<&str> = f.states.iter().map(|s| s.code).collect();
            codes.sort();
            codes.dedup();
            assert_eq!(
                codes.len(),
                f.states.len(),
                "{} {}: a code twice",
                p.name,
                f.field
            );
            assert!(
                f.states.iter().any(|s| s.ready),
                "{} {}: nothing is ready",
                p.name,
                f.field
            );
            for s in f.states {
                // Ready, failed, blocked and missing are ends; blocked and missing are failures.
                assert!(
                    !(s.ready || s.failed) || s.terminal,
                    "{} {}",
                    p.name,
                    s.code
                );
                assert!(
                    !(s.blocked || s.missing) || s.failed,
                    "{} {}",
                    p.name,
                    s.code
                );
                assert!(!(s.ready && s.failed), "{} {}", p.name, s.code);
                assert!(!s.meaning.is_empty());
            }
        }
    }
    let iqiyi = registry::find("iqiyi").unwrap().lifecycle;
    assert!(iqiyi.status.state.state("A00003").unwrap().missing);
    assert!(iqiyi
        .status
        .state
        .state("A00001")
        .is_some_and(|s| !s.terminal));
    let quvideo = registry::find("quvideo").unwrap().lifecycle;
    assert!(
        quvideo
            .status
            .review
            .as_ref()
            .unwrap()
            .state("fail")
            .unwrap()
            .blocked
    );
}

#[test]
fn credentials_are_config_keys_and_secrets_come_from_the_schema() {
    let secrets = |name: &str| -> Vec<String> {
        let l = registry::find(name).unwrap().lifecycle;
        l.settings()
            .into_iter()
            .filter(|s| s.secret)
            .map(|s| s.key)
            .collect()
    };
    assert_eq!(secrets("baijiayun"), ["partner_key", "secret_key"]);
    assert_eq!(
        secrets("iqiyi"),
        ["client_secret", "access_token", "refresh_token"]
    );
    assert_eq!(secrets("quvideo"), ["password", "console_token"]);
    for p in registry::providers() {
        let l = p.lifecycle;
        let settings = l.settings();
        assert!(settings.iter().any(|s| s.key == "base_url"), "{}", p.name);
        for set in l.credentials {
            for k in *set {
                assert!(
                    settings.iter().any(|s| s.key == *k),
                    "{}: {k} is no setting",
                    p.name
                );
            }
            // Every way in has a secret.
            assert!(
                set.iter()
                    .any(|k| settings.iter().any(|s| s.key == *k && s.secret)),
                "{}",
                p.name
            );
        }
        assert!(!l.credential_secrets().is_empty());
    }
}

/// The sandbox config of a provider, as a user of the emulator writes it.
fn config(emu: &Emulator, provider: &str) -> Value {
    match provider {
        "baijiayun" => json!({
            "partner_id": emu.baijiayun().config.partner_id,
            "partner_key": emu.baijiayun().partner_key(),
            "base_url": emu.provider_url("baijiayun"),
        }),
        "iqiyi" => json!({
            "client_id": emu.iqiyi().config.client_id,
            "client_secret": emu.iqiyi().config.client_secret,
            "base_url": emu.provider_url("iqiyi"),
        }),
        "quvideo" => json!({
            "user_name": emu.quvideo().config.user_name,
            "password": emu.quvideo().config.password,
            "base_url": emu.provider_url("quvideo"),
        }),
        other => panic!("no sandbox config for {other}"),
    }
}

#[test]
fn the_catalog_json_carries_the_facts_and_the_answers_match_them() {
    let emu = Emulator::start(vodkit_emulator::Config::default()).unwrap();
    for p in registry::providers() {
        let client = Client::new(p.name, &config(&emu, p.name)).unwrap();
        let l = client.lifecycle().expect("a registered provider has facts");
        // What every binding reads: the operations() JSON.
        let ops = serde_json::to_value(client.operations()).unwrap();
        let ops = ops.as_array().unwrap();
        let status = ops
            .iter()
            .find(|o| o["name"] == l.status.operation)
            .unwrap();
        assert!(
            status["lifecycle"]["roles"]
                .as_array()
                .unwrap()
                .contains(&json!("status")),
            "{status}"
        );
        assert_eq!(
            status["lifecycle"]["status"]["state"]["field"],
            l.status.state.field
        );
        let first = &status["lifecycle"]["status"]["state"]["states"][0];
        assert_eq!(first["code"], l.status.state.states[0].code);
        assert!(first["terminal"].is_boolean() && first["missing"].is_boolean());
        let creds = &status["lifecycle"]["credentials"][0];
        assert!(
            creds
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["secret"] == true),
            "{creds}"
        );
        let with_facts = ops.iter().filter(|o| o.get("lifecycle").is_some()).count();
        let roles: std::collections::BTreeSet<_> = [
            l.status.operation,
            l.urls.operation,
            l.list.operation,
            l.delete.operation,
        ]
        .into_iter()
        .chain(l.upload.as_ref().and_then(|u| u.cancel))
        .collect();
        assert_eq!(
            with_facts,
            roles.len(),
            "{}: only lifecycle operations carry facts",
            p.name
        );
        // The generator's list says the same.
        let all = registry::all_operations();
        assert!(all
            .iter()
            .any(|o| o.provider == p.name && o.name == l.list.operation && o.lifecycle.is_some()));

        // The emulator answers the list in the shape the facts describe.
        let answer = client
            .call(
                l.list.operation,
                &json!({ l.list.page_param: 1, l.list.page_size_param: 5 }),
            )
            .unwrap();
        assert!(
            answer[l.list.items_field].is_array(),
            "{}: {answer}",
            p.name
        );
        assert!(answer[l.list.total_field].is_i64(), "{}: {answer}", p.name);
    }
    // iQiyi's status of a video it never held is the `missing` state.
    let client = Client::new("iqiyi", &config(&emu, "iqiyi")).unwrap();
    let l = client.lifecycle().unwrap();
    let answer = client
        .call(
            l.status.operation,
            &json!({ l.status.id_param: "0123456789abcdef0123456789abcdef" }),
        )
        .unwrap();
    let code = answer[l.status.state.field]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        l.status.state.state(&code).is_some_and(|s| s.missing),
        "{answer}"
    );
}
