//! One signature per operation in every language: the typed methods of the
//! committed Python stubs, PHP classes, C++ headers and Java classes take exactly the
//! parameters of the Rust request model (as the catalog lists them, with
//! their snake_case argument names), with the same types and the same
//! required/optional split. Reads the files as committed, so a hand edit of
//! one of them fails here as well as in the drift test; a Rust field renamed
//! on the wire without telling the catalog fails the model check below.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use vodkit::api::{OperationInfo, ParamInfo};

/// A parameter reduced to what every language must agree on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Param {
    name: String,
    /// The catalog's type: `integer`, `string`, `array<integer>`, …
    ty: String,
    required: bool,
}

/// One typed method as a language declares it.
#[derive(Debug, Default)]
struct Signature {
    params: Vec<Param>,
    /// The name of the file argument, for operations that send a file.
    file: Option<String>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn catalog_type(p: &ParamInfo) -> String {
    match (p.ty.as_str(), p.items.as_deref()) {
        ("array", Some(items)) => format!("array<{items}>"),
        (ty, _) => ty.to_owned(),
    }
}

/// What the Rust request model (through the catalog) says: required
/// parameters first, each group in catalog order, as every binding orders
/// them.
fn expected(op: &OperationInfo) -> Vec<Param> {
    let mut params: Vec<Param> = op
        .params
        .iter()
        .map(|p| Param {
            name: p.argument.clone(),
            ty: catalog_type(p),
            required: p.required,
        })
        .collect();
    params.sort_by_key(|p| !p.required);
    params
}

/// Splits `a, b<c, d>, e[f, g]` at the commas outside brackets.
fn split_top(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for c in list.chars() {
        match c {
            '<' | '[' | '(' => depth += 1,
            '>' | ']' | ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current);
    out.into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The parameter lists of `<start>name(…)<end>` declarations, by name.
fn declarations(text: &str, start: &str, end: &str) -> BTreeMap<String, String> {
    overloads(text, start, end).into_iter().collect()
}

/// Every `<start>name(…)<end>` declaration, overloads included, in order.
fn overloads(text: &str, start: &str, end: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(start) {
        rest = &rest[i + start.len()..];
        let Some(open) = rest.find('(') else { break };
        let name = rest[..open].trim();
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut depth = 0;
        let mut close = None;
        for (j, c) in rest[open..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + j);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { break };
        if rest[close + 1..].trim_start().starts_with(end) {
            out.push((name.to_owned(), rest[open + 1..close].to_owned()));
        }
        rest = &rest[close..];
    }
    out
}

// ------------------------------------------------------------------ Python

fn python_type(ty: &str) -> String {
    let ty = ty.trim();
    if let Some(inner) = ty
        .strip_prefix("Sequence[")
        .and_then(|t| t.strip_suffix(']'))
    {
        return format!("array<{}>", python_type(inner));
    }
    match ty {
        "int" => "integer",
        "float" => "number",
        "str" => "string",
        "bool" => "boolean",
        "Mapping[str, Any]" => "object",
        // Not a catalog type (a config's `Unpack[…]`): never equal to one.
        other => return format!("python:{other}"),
    }
    .to_owned()
}

fn python_signatures(path: &str) -> BTreeMap<String, Signature> {
    python_signatures_of(path, "    def ")
}

/// The asyncio class's coroutines (`vodkit.aio.Baijiayun`, same module).
fn python_async_signatures(path: &str) -> BTreeMap<String, Signature> {
    python_signatures_of(path, "    async def ")
}

fn python_signatures_of(path: &str, start: &str) -> BTreeMap<String, Signature> {
    declarations(&read(path), start, "->")
        .into_iter()
        .map(|(name, list)| {
            let mut sig = Signature::default();
            for arg in split_top(&list) {
                if arg == "self" || arg == "*" {
                    continue;
                }
                let (arg_name, ty) = arg.split_once(':').expect("annotated");
                let (ty, default) = match ty.split_once('=') {
                    Some((ty, default)) => (ty.trim(), Some(default.trim())),
                    None => (ty.trim(), None),
                };
                if ty == "_Path" {
                    sig.file = Some(arg_name.trim().to_owned());
                    continue;
                }
                let required = default.is_none();
                let ty = match ty
                    .strip_prefix("Optional[")
                    .and_then(|t| t.strip_suffix(']'))
                {
                    Some(inner) if !required => inner,
                    _ => ty,
                };
                sig.params.push(Param {
                    name: arg_name.trim().to_owned(),
                    ty: python_type(ty),
                    required,
                });
            }
            (name, sig)
        })
        .collect()
}

// --------------------------------------------------------------------- PHP

/// PHP has one `array` for lists and maps: the catalog type's PHP spelling.
fn php_spelling(catalog: &str) -> String {
    match catalog {
        "integer" => "int",
        "number" => "float",
        "string" => "string",
        "boolean" => "bool",
        _ if catalog == "object" || catalog.starts_with("array") => "array",
        other => return format!("catalog:{other}"),
    }
    .to_owned()
}

fn php_signatures(path: &str) -> BTreeMap<String, Signature> {
    declarations(&read(path), "public function ", ":")
        .into_iter()
        .map(|(name, list)| {
            let mut sig = Signature::default();
            for arg in split_top(&list) {
                let (decl, default) = match arg.split_once('=') {
                    Some((d, default)) => (d.trim(), Some(default.trim())),
                    None => (arg.as_str(), None),
                };
                let (ty, var) = decl.rsplit_once(' ').expect("typed parameter");
                let var = var.trim_start_matches('$').to_owned();
                let required = default.is_none();
                let ty = ty.trim().trim_start_matches('?').to_owned();
                sig.params.push(Param {
                    name: var,
                    ty,
                    required,
                });
            }
            (name, sig)
        })
        .collect()
}

/// `get_status` → `getStatus`: PHP's method name of a catalog function.
fn php_method(function: &str) -> String {
    let mut out = String::new();
    for (i, part) in function.split('_').enumerate() {
        let mut chars = part.chars();
        match chars.next() {
            Some(first) if i > 0 => {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(part),
        }
    }
    out
}

// --------------------------------------------------------------------- C++

fn cpp_type(ty: &str) -> String {
    let ty = ty.trim();
    if let Some(inner) = ty
        .strip_prefix("std::vector<")
        .and_then(|t| t.strip_suffix('>'))
    {
        return format!("array<{}>", cpp_type(inner));
    }
    match ty {
        "int64_t" => "integer",
        "double" => "number",
        "std::string" => "string",
        "bool" => "boolean",
        "vodkit::Json" => "object",
        other => return format!("c++:{other}"),
    }
    .to_owned()
}

fn cpp_signatures(path: &str) -> BTreeMap<String, Signature> {
    declarations(&read(path), "std::string ", "const {")
        .into_iter()
        .map(|(name, list)| {
            let mut sig = Signature::default();
            for arg in split_top(&list) {
                let (decl, default) = match arg.split_once('=') {
                    Some((d, default)) => (d.trim().to_owned(), Some(default.trim().to_owned())),
                    None => (arg.clone(), None),
                };
                let decl = decl.trim_start_matches("const ").replace(" &", " ");
                let (ty, id) = decl.rsplit_once(' ').expect("typed parameter");
                let required = default.is_none();
                let ty = match ty
                    .strip_prefix("std::optional<")
                    .and_then(|t| t.strip_suffix('>'))
                {
                    Some(inner) if !required => inner.to_owned(),
                    _ => ty.to_owned(),
                };
                sig.params.push(Param {
                    name: id.to_owned(),
                    ty: cpp_type(&ty),
                    required,
                });
            }
            (name, sig)
        })
        .collect()
}

// -------------------------------------------------------------------- Java

/// A Java parameter type as the catalog's, and whether it may be null (a
/// primitive never is: a required number, integer or boolean must be one).
fn java_type(ty: &str) -> (String, bool) {
    let ty = ty.trim();
    if let Some(inner) = ty.strip_prefix("List<").and_then(|t| t.strip_suffix('>')) {
        return (format!("array<{}>", java_type(inner).0), true);
    }
    let (catalog, nullable) = match ty {
        "long" => ("integer", false),
        "Long" => ("integer", true),
        "double" => ("number", false),
        "Double" => ("number", true),
        "boolean" => ("boolean", false),
        "Boolean" => ("boolean", true),
        "String" => ("string", true),
        "Map<String, ?>" => ("object", true),
        other => return (format!("java:{other}"), true),
    };
    (catalog.to_owned(), nullable)
}

/// The generated Java classes: per method, the overload with every
/// parameter; those the shortest overload lacks are the optional ones,
/// which must be nullable, and the required ones of a primitive type must
/// be primitives. Parameter names are the camelCase of Rust's, as Java's
/// convention wants; the test compares them back in snake_case.
fn java_signatures(path: &str) -> BTreeMap<String, Signature> {
    let mut by_name: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for (name, list) in overloads(&read(path), "public String ", "{") {
        by_name.entry(name).or_default().push(split_top(&list));
    }
    by_name
        .into_iter()
        .map(|(name, mut lists)| {
            lists.sort_by_key(Vec::len);
            let required = lists[0].len();
            let full = lists.last().unwrap();
            let mut sig = Signature::default();
            for (i, arg) in full.iter().enumerate() {
                let (ty, id) = arg.rsplit_once(' ').expect("typed parameter");
                let (mut ty, nullable) = java_type(ty);
                let required = i < required;
                if required == nullable
                    && !ty.starts_with("array")
                    && ty != "string"
                    && ty != "object"
                {
                    ty = format!("{ty} ({} boxed)", if nullable { "is" } else { "not" });
                }
                sig.params.push(Param {
                    name: vodkit_codegen::java::snake(id),
                    ty,
                    required,
                });
            }
            (name, sig)
        })
        .collect()
}

// ------------------------------------------------------------------- tests

/// Every operation's parameters, by language, where they differ from Rust's.
#[test]
fn every_language_takes_the_rust_parameters() {
    let mut drift = Vec::new();
    let mut compared = 0;
    for provider in vodkit_codegen::catalog() {
        let name = provider.name;
        let class = {
            let mut c = name.chars();
            c.next().unwrap().to_uppercase().collect::<String>() + c.as_str()
        };
        let stub = python_signatures(&format!(
            "bindings/python/python/vodkit/_generated/{name}.pyi"
        ));
        let module = python_signatures(&format!(
            "bindings/python/python/vodkit/_generated/{name}.py"
        ));
        let async_stub = python_async_signatures(&format!(
            "bindings/python/python/vodkit/_generated/{name}.pyi"
        ));
        let async_module = python_async_signatures(&format!(
            "bindings/python/python/vodkit/_generated/{name}.py"
        ));
        let php = php_signatures(&format!("bindings/php/src/{class}.php"));
        let cpp = cpp_signatures(&format!("bindings/cpp/vodkit_{name}.hpp"));
        let java = java_signatures(&format!(
            "bindings/jvm/java/org/vodkit/providers/{class}.java"
        ));
        for op in &provider.operations {
            let want = expected(op);
            let php_want: Vec<Param> = want
                .iter()
                .map(|p| Param {
                    ty: php_spelling(&p.ty),
                    ..p.clone()
                })
                .collect();
            let file_arg = op.file_field.as_ref().map(|_| "path".to_owned());
            let mut check =
                |lang: &str, sig: Option<&Signature>, want: &[Param], file_first: bool| {
                    let Some(sig) = sig else {
                        drift.push(format!("{name} {}: no {lang} method", op.name));
                        return;
                    };
                    let mut params = sig.params.clone();
                    let mut file = sig.file.clone();
                    // PHP and C++ declare the file (a plain string) first.
                    if file_first && file_arg.is_some() && !params.is_empty() {
                        file = Some(params.remove(0).name);
                    }
                    if params != want {
                        drift.push(format!(
                            "{name} {} in {lang}:\n    has  {:?}\n    Rust {:?}",
                            op.name,
                            params
                                .iter()
                                .map(|p| format!(
                                    "{}{}: {}",
                                    p.name,
                                    if p.required { "" } else { "?" },
                                    p.ty
                                ))
                                .collect::<Vec<_>>(),
                            want.iter()
                                .map(|p| format!(
                                    "{}{}: {}",
                                    p.name,
                                    if p.required { "" } else { "?" },
                                    p.ty
                                ))
                                .collect::<Vec<_>>()
                        ));
                    }
                    if file != file_arg {
                        drift.push(format!(
                            "{name} {} in {lang}: file argument {file:?}, Rust {file_arg:?}",
                            op.name
                        ));
                    }
                };
            check("Python stub", stub.get(&op.function), &want, false);
            check("Python module", module.get(&op.function), &want, false);
            check(
                "Python aio stub",
                async_stub.get(&op.function),
                &want,
                false,
            );
            check(
                "Python aio module",
                async_module.get(&op.function),
                &want,
                false,
            );
            check("PHP", php.get(&php_method(&op.function)), &php_want, true);
            // `delete` is a C++ keyword: `delete_`.
            let cpp_method = cpp
                .get(&op.function)
                .or_else(|| cpp.get(&format!("{}_", op.function)));
            check("C++", cpp_method, &want, true);
            let java_method = vodkit_codegen::java::camel(&op.function);
            check("Java", java.get(&java_method), &want, true);
            compared += 1;
        }
    }
    assert!(compared > 80, "only {compared} operations compared");
    assert!(
        drift.is_empty(),
        "{} signature(s) drifted:\n{}",
        drift.len(),
        drift.join("\n")
    );
}

/// The catalog's argument names are the Rust request models' fields: a
/// model renamed only with `rename_all` to camelCase or snake_case keeps
/// them (snake_case of the wire name), and a field renamed on the wire one
/// by one must say its Rust name to the catalog (`x-argument`) unless the
/// snake_case of its wire name already is its name.
#[test]
fn argument_names_are_the_rust_field_names() {
    // The request models, by the title schemars gives them (the type's name).
    let requests: Vec<String> = [
        vodkit::baijiayun::CATALOG,
        vodkit::iqiyi::CATALOG,
        vodkit::quvideo::CATALOG,
    ]
    .iter()
    .flat_map(|catalog| catalog.iter())
    .filter_map(|op| {
        (op.request_schema)()
            .get("title")
            .and_then(|t| t.as_str())
            .map(str::to_owned)
    })
    .collect();
    assert!(requests.len() > 80, "{requests:?}");
    let mut wrong = Vec::new();
    for provider in ["baijiayun", "iqiyi", "quvideo"] {
        let dir = root().join("src/providers").join(provider).join("models");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            let mut current = "";
            for (i, line) in lines.iter().enumerate() {
                if let Some(rest) = line.strip_prefix("pub struct ") {
                    current = rest.split([' ', '{', '(', ';']).next().unwrap_or("");
                }
                if !requests.iter().any(|r| r == current) {
                    continue;
                }
                if let Some(rest) = line.split("rename_all = \"").nth(1) {
                    let style = rest.split('"').next().unwrap();
                    if style != "camelCase" && style != "snake_case" {
                        wrong.push(format!(
                            "{}:{}: rename_all = {style:?}",
                            path.display(),
                            i + 1
                        ));
                    }
                }
                let Some(rest) = line.split("rename = \"").nth(1) else {
                    continue;
                };
                let wire = rest.split('"').next().unwrap();
                // The field the attribute belongs to, and what the schema says.
                let mut j = i;
                let mut extended = None;
                let field = loop {
                    j += 1;
                    let Some(next) = lines.get(j) else { break None };
                    if let Some(a) = next.split("\"x-argument\" = \"").nth(1) {
                        extended = a.split('"').next().map(str::to_owned);
                    }
                    if let Some(f) = next.trim().strip_prefix("pub ") {
                        break f.split(':').next().map(str::to_owned);
                    }
                };
                let Some(field) = field else { continue };
                let argument = vodkit::api::argument_name(
                    wire,
                    &extended
                        .map(|a| serde_json::json!({ "x-argument": a }))
                        .unwrap_or_default(),
                );
                if argument != field {
                    wrong.push(format!(
                        "{}:{}: field {field} is {wire:?} on the wire, so the other languages call it {argument:?}; add #[schemars(extend(\"x-argument\" = \"{field}\"))]",
                        path.display(),
                        i + 1
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The check itself reads what it claims: a PHP signature with a
/// camelCase variable, a C++ one with a different type and a stub with an
/// extra keyword are all told apart from the Rust parameters.
#[test]
fn the_parsers_see_names_types_and_defaults() {
    let php =
        "    public function submitTranscode(string $mediaId, ?int $page_size = null): void\n";
    let dir = std::env::temp_dir().join(format!("vodkit-signatures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("X.php");
    std::fs::write(&file, php).unwrap();
    let parsed = php_signatures(file.to_str().unwrap());
    assert_eq!(
        parsed["submitTranscode"].params,
        [
            Param {
                name: "mediaId".into(),
                ty: "string".into(),
                required: true
            },
            Param {
                name: "page_size".into(),
                ty: "int".into(),
                required: false
            },
        ]
    );
    let cpp = "    std::string get_viewers(\n        const std::string &video_unique,\n        std::optional<int64_t> page = std::nullopt,\n        const std::optional<std::vector<int64_t>> &ids = std::nullopt) const {\n";
    std::fs::write(dir.join("x.hpp"), cpp).unwrap();
    let parsed = cpp_signatures(dir.join("x.hpp").to_str().unwrap());
    assert_eq!(
        parsed["get_viewers"].params,
        [
            Param {
                name: "video_unique".into(),
                ty: "string".into(),
                required: true
            },
            Param {
                name: "page".into(),
                ty: "integer".into(),
                required: false
            },
            Param {
                name: "ids".into(),
                ty: "array<integer>".into(),
                required: false
            },
        ]
    );
    let py = "    def upload_document(self, video_unique: str, path: _Path, *, flag: Optional[bool] = None) -> None:\n";
    std::fs::write(dir.join("x.pyi"), py).unwrap();
    let parsed = python_signatures(dir.join("x.pyi").to_str().unwrap());
    let sig = &parsed["upload_document"];
    assert_eq!(sig.file.as_deref(), Some("path"));
    assert_eq!(
        sig.params,
        [
            Param {
                name: "video_unique".into(),
                ty: "string".into(),
                required: true
            },
            Param {
                name: "flag".into(),
                ty: "boolean".into(),
                required: false
            },
        ]
    );
    std::fs::remove_dir_all(&dir).ok();
}
