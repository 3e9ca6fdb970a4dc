//! C++: one header per provider, `bindings/cpp/vodkit_<provider>.hpp`, with
//! `class vodkit::<Provider> : public vodkit::Client` holding one typed
//! method per catalog operation (named after its `function`), a doxygen
//! comment from the operation's and parameters' docs, and
//! `operation_methods`, the list of every operation with its method, for the
//! test that checks nothing is missing. The generic surface (Client, Error,
//! the JSON builder `vodkit::json::Object`) is hand-written in
//! `bindings/cpp/vodkit.hpp`.

use std::collections::BTreeMap;
use std::fmt::Write;

use vodkit::api::{OperationInfo, ParamInfo};

/// Every provider's header.
pub fn files() -> Vec<crate::Generated> {
    let mut by_provider: BTreeMap<String, Vec<OperationInfo>> = BTreeMap::new();
    for op in vodkit::providers::registry::all_operations() {
        by_provider.entry(op.provider.clone()).or_default().push(op);
    }
    by_provider
        .into_iter()
        .map(|(provider, ops)| crate::Generated {
            path: Box::leak(format!("bindings/cpp/vodkit_{provider}.hpp").into_boxed_str()),
            contents: header(&provider, &ops),
        })
        .collect()
}

/// C++ keywords (and alternative tokens) a method or parameter may not be called.
const KEYWORDS: &[&str] = &[
    "alignas",
    "alignof",
    "and",
    "and_eq",
    "asm",
    "auto",
    "bitand",
    "bitor",
    "bool",
    "break",
    "case",
    "catch",
    "char",
    "char16_t",
    "char32_t",
    "char8_t",
    "class",
    "co_await",
    "co_return",
    "co_yield",
    "compl",
    "concept",
    "const",
    "const_cast",
    "consteval",
    "constexpr",
    "constinit",
    "continue",
    "decltype",
    "default",
    "delete",
    "do",
    "double",
    "dynamic_cast",
    "else",
    "enum",
    "explicit",
    "export",
    "extern",
    "false",
    "float",
    "for",
    "friend",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "mutable",
    "namespace",
    "new",
    "noexcept",
    "not",
    "not_eq",
    "nullptr",
    "operator",
    "or",
    "or_eq",
    "private",
    "protected",
    "public",
    "register",
    "reinterpret_cast",
    "requires",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "static_assert",
    "static_cast",
    "struct",
    "switch",
    "template",
    "this",
    "thread_local",
    "throw",
    "true",
    "try",
    "typedef",
    "typeid",
    "typename",
    "union",
    "unsigned",
    "using",
    "virtual",
    "void",
    "volatile",
    "wchar_t",
    "while",
    "xor",
    "xor_eq",
];

/// Names vodkit::Client already uses: a generated method must not hide them.
const CLIENT_MEMBERS: &[&str] = &[
    "call",
    "call_with_file",
    "upload",
    "resume_upload",
    "operations",
    "provider",
    "get",
    "operation_methods",
    "provider_name",
];

/// An identifier that is not a keyword (nor in `taken`): `_` appended until it is free.
fn identifier(name: &str, taken: &[&str]) -> String {
    let mut id: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if id.starts_with(|c: char| c.is_ascii_digit()) {
        id.insert(0, '_');
    }
    while KEYWORDS.contains(&id.as_str()) || taken.contains(&id.as_str()) {
        id.push('_');
    }
    id
}

/// The class name: the provider name with its first letter upper-cased.
fn class_name(provider: &str) -> String {
    let mut chars = provider.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// A C++ string literal.
fn literal(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => write!(out, "\\x{:02x}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` as `///` comment lines at `indent` (a trailing backslash, which
/// would splice the next line into the comment, is dropped).
fn comment(out: &mut String, indent: &str, text: &str) {
    for line in text.lines() {
        let line = line.trim_end().trim_end_matches('\\').trim_end();
        if line.is_empty() {
            writeln!(out, "{indent}///").unwrap();
        } else {
            writeln!(out, "{indent}/// {line}").unwrap();
        }
    }
}

/// The C++ type of a value of JSON type `ty` (`items` for arrays).
fn value_type(ty: &str, items: Option<&str>) -> String {
    match ty {
        "integer" => "int64_t".into(),
        "number" => "double".into(),
        "boolean" => "bool".into(),
        "string" => "std::string".into(),
        "array" => format!("std::vector<{}>", value_type(items.unwrap_or("any"), None)),
        // Objects and anything the catalog can't type: JSON text, passed through.
        _ => "vodkit::Json".into(),
    }
}

/// The parameter declaration of `p` (optional ones as std::optional, defaulted).
fn param_decl(p: &ParamInfo, id: &str) -> String {
    let ty = value_type(&p.ty, p.items.as_deref());
    let by_value = matches!(p.ty.as_str(), "integer" | "number" | "boolean");
    match (p.required, by_value) {
        (true, true) => format!("{ty} {id}"),
        (true, false) => format!("const {ty} &{id}"),
        (false, true) => format!("std::optional<{ty}> {id} = std::nullopt"),
        (false, false) => format!("const std::optional<{ty}> &{id} = std::nullopt"),
    }
}

/// What a parameter is, for its doc line when the catalog has no doc.
fn describe_type(p: &ParamInfo) -> String {
    match (&*p.ty, p.items.as_deref()) {
        ("array", Some("object")) => "JSON objects".into(),
        ("array", Some(items)) => format!("array of {items}"),
        ("object", _) => "JSON object".into(),
        (ty, _) => ty.into(),
    }
}

fn method(out: &mut String, op: &OperationInfo, name: &str) {
    // Required parameters first, each group in the catalog's order.
    let mut params: Vec<&ParamInfo> = op.params.iter().filter(|p| p.required).collect();
    params.extend(op.params.iter().filter(|p| !p.required));
    let mut taken: Vec<String> = vec!["params_".into()];
    let file_arg = op.file_field.as_ref().map(|_| {
        let names: Vec<&str> = op.params.iter().map(|p| p.argument.as_str()).collect();
        let id = identifier("path", &names);
        taken.push(id.clone());
        id
    });
    let mut args = Vec::new();
    let mut ids = Vec::new();
    for p in &params {
        let taken_refs: Vec<&str> = taken.iter().map(String::as_str).collect();
        let id = identifier(&p.argument, &taken_refs);
        taken.push(id.clone());
        ids.push(id);
    }

    comment(out, "    ", &op.doc);
    writeln!(out, "    ///").unwrap();
    let mut origin = format!(
        "`{}` ({} {}:{}",
        op.name,
        op.method.as_str(),
        op.host,
        op.path
    );
    if op.provisional {
        origin.push_str(", provisional path: overridable with the config's `path_overrides`");
    }
    origin.push_str(").");
    comment(out, "    ", &origin);
    if let (Some(field), Some(id)) = (&op.file_field, &file_arg) {
        comment(
            out,
            "    ",
            &format!(
                "@param {id} The file to send (multipart field `{field}`, or the config's \
                 `file_fields` override)."
            ),
        );
        args.push(format!("const std::string &{id}"));
    }
    for (p, id) in params.iter().zip(&ids) {
        let mut doc = p.doc.trim().replace('\n', " ");
        if doc.is_empty() {
            doc = format!("({}).", describe_type(p));
        }
        if !p.required {
            doc.push_str(" Optional.");
        }
        comment(out, "    ", &format!("@param {id} {doc}"));
        args.push(param_decl(p, id));
    }
    comment(out, "    ", "@return The answer's data as JSON.");
    comment(out, "    ", "@throws vodkit::Error when the call fails.");
    let one_line = format!("    std::string {name}({}) const {{", args.join(", "));
    if one_line.len() <= 110 {
        writeln!(out, "{one_line}").unwrap();
    } else {
        writeln!(out, "    std::string {name}(").unwrap();
        writeln!(out, "        {}) const {{", args.join(",\n        ")).unwrap();
    }
    writeln!(out, "        json::Object params_;").unwrap();
    for (p, id) in params.iter().zip(&ids) {
        writeln!(out, "        params_.add({}, {id});", literal(&p.name)).unwrap();
    }
    match (&op.file_field, &file_arg) {
        // "": the operation's own field (the catalog's, or the config's
        // `file_fields` override).
        (Some(_), Some(id)) => writeln!(
            out,
            "        return this->call_with_file({}, params_.str(), \"\", {id});",
            literal(&op.name),
        )
        .unwrap(),
        _ => writeln!(
            out,
            "        return this->call({}, params_.str());",
            literal(&op.name)
        )
        .unwrap(),
    }
    writeln!(out, "    }}").unwrap();
}

fn header(provider: &str, ops: &[OperationInfo]) -> String {
    let class = class_name(provider);
    let guard = format!("VODKIT_{}_HPP", provider.to_ascii_uppercase());
    let mut names: Vec<String> = Vec::new();
    for op in ops {
        let taken: Vec<&str> = CLIENT_MEMBERS
            .iter()
            .copied()
            .chain(names.iter().map(String::as_str))
            .collect();
        names.push(identifier(&op.function, &taken));
    }

    let mut out = String::new();
    writeln!(
        out,
        "// vodkit_{provider}.hpp: typed C++ methods for every {class} operation."
    )
    .unwrap();
    writeln!(out, "//").unwrap();
    writeln!(
        out,
        "// DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen`"
    )
    .unwrap();
    writeln!(
        out,
        "// (codegen/src/cpp.rs); codegen/tests/drift.rs fails when this file is stale."
    )
    .unwrap();
    writeln!(out, "#ifndef {guard}").unwrap();
    writeln!(out, "#define {guard}").unwrap();
    out.push_str(
        "\n#include <array>\n#include <cstdint>\n#include <optional>\n#include <string>\n#include <vector>\n\n#include \"vodkit.hpp\"\n\nnamespace vodkit {\n\n",
    );
    comment(
        &mut out,
        "",
        &format!(
            "A client of {class}: vodkit::Client with one typed method per operation of\n\
             its catalog (`operations()`). Each builds the operation's JSON parameters\n\
             (optional ones left out when empty), calls it, and returns the answer's\n\
             data as JSON."
        ),
    );
    writeln!(out, "class {class} : public Client {{").unwrap();
    writeln!(out, "public:").unwrap();
    writeln!(out, "    /// The provider name clients are built with.").unwrap();
    writeln!(
        out,
        "    static constexpr const char *provider_name = {};",
        literal(provider)
    )
    .unwrap();
    writeln!(out).unwrap();
    writeln!(
        out,
        "    /// Every operation, in catalog order: its name, its function, and its method here."
    )
    .unwrap();
    writeln!(
        out,
        "    static constexpr std::array<OperationMethod, {}> operation_methods = {{{{",
        ops.len()
    )
    .unwrap();
    for (op, name) in ops.iter().zip(&names) {
        writeln!(
            out,
            "        {{{}, {}, {}}},",
            literal(&op.name),
            literal(&op.function),
            literal(name)
        )
        .unwrap();
    }
    writeln!(out, "    }}}};").unwrap();
    writeln!(out).unwrap();
    writeln!(
        out,
        "    /// A client from its JSON config (see vodkit::Client)."
    )
    .unwrap();
    writeln!(
        out,
        "    explicit {class}(const std::string &config_json) : Client(provider_name, config_json) {{}}"
    )
    .unwrap();
    for (op, name) in ops.iter().zip(&names) {
        writeln!(out).unwrap();
        method(&mut out, op, name);
    }
    writeln!(out, "}};").unwrap();
    writeln!(out, "\n}}  // namespace vodkit\n\n#endif  // {guard}").unwrap();
    out
}
