//! Java (and Kotlin): one class per provider,
//! `bindings/jvm/java/org/vodkit/providers/<Provider>.java`, wrapping an
//! `org.vodkit.VodkitClient` with one typed method per catalog operation.
//! Java's convention wants camelCase, so methods are the camelCase of the
//! operation's `function` and parameters the camelCase of the catalog's
//! argument names; the JSON keys sent are the wire names. Required
//! parameters come first; optional ones are nullable (boxed) and left out
//! when null, and an overload without them is generated (Kotlin cannot name
//! a Java method's arguments, so there is no builder to misname either).
//! Objects are `Map<String, ?>`, arrays `List<…>`, serialised by the
//! hand-written `Params` next to the generated classes. `OPERATION_METHODS`
//! lists every operation with its method, for the test that finds each.

use std::collections::BTreeMap;
use std::fmt::Write;

use vodkit::api::{OperationInfo, ParamInfo};

/// Where the classes go (the JNI jar's sources).
const DIR: &str = "bindings/jvm/java/org/vodkit/providers";

/// Every provider's class.
pub fn files() -> Vec<crate::Generated> {
    let mut by_provider: BTreeMap<String, Vec<OperationInfo>> = BTreeMap::new();
    for op in vodkit::providers::registry::all_operations() {
        by_provider.entry(op.provider.clone()).or_default().push(op);
    }
    by_provider
        .into_iter()
        .map(|(provider, ops)| crate::Generated {
            path: Box::leak(format!("{DIR}/{}.java", class_name(&provider)).into_boxed_str()),
            contents: class(&provider, &ops),
        })
        .collect()
}

/// Java's reserved words (keywords and literals): no method or parameter
/// may be called one.
const KEYWORDS: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "false",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "true",
    "try",
    "void",
    "volatile",
    "while",
    "var",
    "yield",
    "record",
];

/// Members of the generated class and of `Object`: a method must not hide them.
const MEMBERS: &[&str] = &[
    "client",
    "clone",
    "equals",
    "finalize",
    "getClass",
    "hashCode",
    "notify",
    "notifyAll",
    "toString",
    "wait",
];

/// `get_status` → `getStatus`.
pub fn camel(snake: &str) -> String {
    let mut out = String::new();
    for (i, part) in snake.split('_').filter(|p| !p.is_empty()).enumerate() {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            if i == 0 {
                out.push(first);
            } else {
                out.extend(first.to_uppercase());
            }
            out.push_str(chars.as_str());
        }
    }
    out
}

/// `videoId` → `video_id`: the catalog's argument name of a Java parameter.
pub fn snake(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `baijiayun` → `Baijiayun`.
pub fn class_name(provider: &str) -> String {
    let camel = camel(provider);
    let mut chars = camel.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => panic!("a provider without a name"),
    }
}

/// A Java identifier for `name`: `_` appended while it is reserved or taken.
fn identifier(name: &str, taken: &[String]) -> String {
    let mut id: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if id.is_empty() || id.starts_with(|c: char| c.is_ascii_digit()) {
        id.insert(0, '_');
    }
    while KEYWORDS.contains(&id.as_str()) || taken.contains(&id) {
        id.push('_');
    }
    id
}

/// A Java string literal, ASCII only (the sources compile under any locale).
fn literal(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(out, "\\u{unit:04x}").unwrap();
                }
            }
        }
    }
    out.push('"');
    out
}

/// Doc text made safe for a `/** */` comment: no comment end, no tags or
/// HTML by accident, and non-ASCII as `\uXXXX` (javac reads those anywhere,
/// so a Chinese doc line compiles whatever the build machine's locale).
fn doc_text(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '@' => out.push_str("&#64;"),
            '*' => out.push_str("&#42;"),
            '\\' => out.push_str("&#92;"),
            c if c.is_ascii() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(out, "\\u{unit:04x}").unwrap();
                }
            }
        }
    }
    out
}

/// `text` as javadoc lines at `indent` (without the `/**` and `*/`).
fn doc_lines(out: &mut String, indent: &str, text: &str) {
    for line in text.lines() {
        let line = doc_text(line.trim_end());
        if line.is_empty() {
            writeln!(out, "{indent} *").unwrap();
        } else {
            writeln!(out, "{indent} * {line}").unwrap();
        }
    }
}

/// The Java type of a parameter: primitives when required, boxed (null:
/// left out) when optional.
fn param_type(p: &ParamInfo) -> String {
    let element = |ty: &str| match ty {
        "integer" => "Long",
        "number" => "Double",
        "boolean" => "Boolean",
        "string" => "String",
        _ => "Map<String, ?>",
    };
    match (p.ty.as_str(), p.required) {
        ("integer", true) => "long".into(),
        ("number", true) => "double".into(),
        ("boolean", true) => "boolean".into(),
        ("array", _) => format!("List<{}>", element(p.items.as_deref().unwrap_or("object"))),
        (ty, _) => element(ty).into(),
    }
}

/// One parameter's doc line.
fn param_doc(p: &ParamInfo) -> String {
    let mut doc = p.doc.trim().replace('\n', " ");
    if doc.is_empty() {
        doc = match (p.ty.as_str(), p.items.as_deref()) {
            ("array", Some("object")) => "(JSON objects).".into(),
            ("array", Some(items)) => format!("(array of {items})."),
            ("object", _) => "(JSON object).".into(),
            (ty, _) => format!("({ty})."),
        };
    }
    if !p.required {
        doc.push_str(" Optional: null leaves it out.");
    }
    format!("`{}`: {doc}", p.name)
}

/// One operation: the full method and, when it has optional parameters, the
/// overloads that leave the later ones out.
fn methods(out: &mut String, op: &OperationInfo, name: &str) {
    let mut params: Vec<&ParamInfo> = op.params.iter().filter(|p| p.required).collect();
    params.extend(op.params.iter().filter(|p| !p.required));
    let mut taken: Vec<String> = vec!["request".into()];
    let file_arg = op.file_field.as_ref().map(|_| {
        let names: Vec<String> = op.params.iter().map(|p| camel(&p.argument)).collect();
        let id = identifier("path", &names);
        taken.push(id.clone());
        id
    });
    let mut ids = Vec::new();
    for p in &params {
        let id = identifier(&camel(&p.argument), &taken);
        taken.push(id.clone());
        ids.push(id);
    }
    let mut decls: Vec<String> = Vec::new();
    if let Some(id) = &file_arg {
        decls.push(format!("String {id}"));
    }
    decls.extend(
        params
            .iter()
            .zip(&ids)
            .map(|(p, id)| format!("{} {id}", param_type(p))),
    );
    let required = file_arg.iter().count() + params.iter().filter(|p| p.required).count();

    // The doc, on the full method.
    writeln!(out, "    /**").unwrap();
    doc_lines(out, "    ", &op.doc);
    writeln!(out, "     *").unwrap();
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
    doc_lines(out, "    ", &origin);
    writeln!(out, "     *").unwrap();
    if let (Some(field), Some(id)) = (&op.file_field, &file_arg) {
        writeln!(
            out,
            "     * @param {id} the file to send (multipart field `{}`, or the config's `file_fields` override)",
            doc_text(field)
        )
        .unwrap();
    }
    for (p, id) in params.iter().zip(&ids) {
        writeln!(out, "     * @param {id} {}", doc_text(&param_doc(p))).unwrap();
    }
    writeln!(out, "     * @return the answer's data as JSON").unwrap();
    writeln!(
        out,
        "     * @throws org.vodkit.VodkitException when the call fails"
    )
    .unwrap();
    writeln!(out, "     */").unwrap();
    signature(out, name, &decls);
    writeln!(out, "        Params request = new Params();").unwrap();
    for (p, id) in params.iter().zip(&ids) {
        writeln!(out, "        request.put({}, {id});", literal(&p.name)).unwrap();
    }
    match &file_arg {
        // null: the operation's own field (the catalog's, or the config's
        // `file_fields` override).
        Some(id) => writeln!(
            out,
            "        return client.callWithFile({}, request.json(), null, {id});",
            literal(&op.name)
        )
        .unwrap(),
        None => writeln!(
            out,
            "        return client.call({}, request.json());",
            literal(&op.name)
        )
        .unwrap(),
    }
    writeln!(out, "    }}").unwrap();

    // One overload per leading run of the optional parameters, shortest
    // first: `createAudit(id, status, reason)` needs no trailing nulls.
    for count in required..decls.len() {
        writeln!(out).unwrap();
        writeln!(
            out,
            "    /** As {{@link #{name}({})}}, the later optional parameters left out. */",
            decls
                .iter()
                .map(|d| d.rsplit_once(' ').unwrap().0.split('<').next().unwrap())
                .collect::<Vec<_>>()
                .join(", ")
        )
        .unwrap();
        signature(out, name, &decls[..count]);
        let args: Vec<&str> = decls
            .iter()
            .enumerate()
            .map(|(i, d)| {
                if i < count {
                    d.rsplit_once(' ').unwrap().1
                } else {
                    "null"
                }
            })
            .collect();
        writeln!(out, "        return {name}({});", args.join(", ")).unwrap();
        writeln!(out, "    }}").unwrap();
    }
}

/// `    public String name(decls) {`, wrapped when long.
fn signature(out: &mut String, name: &str, decls: &[String]) {
    let one_line = format!("    public String {name}({}) {{", decls.join(", "));
    if one_line.len() <= 110 {
        writeln!(out, "{one_line}").unwrap();
    } else {
        writeln!(out, "    public String {name}(").unwrap();
        writeln!(out, "            {}) {{", decls.join(",\n            ")).unwrap();
    }
}

fn class(provider: &str, ops: &[OperationInfo]) -> String {
    let class = class_name(provider);
    let mut names: Vec<String> = Vec::new();
    for op in ops {
        let taken: Vec<String> = MEMBERS
            .iter()
            .map(|m| (*m).to_owned())
            .chain(names.iter().cloned())
            .collect();
        names.push(identifier(&camel(&op.function), &taken));
    }

    let mut out = String::new();
    out.push_str(&crate::do_not_edit("//"));
    writeln!(
        out,
        "// Source: codegen/src/java.rs; codegen/tests/drift.rs fails when this file is stale."
    )
    .unwrap();
    writeln!(out, "package org.vodkit.providers;").unwrap();
    writeln!(out).unwrap();
    writeln!(out, "import java.util.List;").unwrap();
    writeln!(out, "import java.util.Map;").unwrap();
    writeln!(out).unwrap();
    writeln!(out, "import org.vodkit.VodkitClient;").unwrap();
    writeln!(out).unwrap();
    writeln!(out, "/**").unwrap();
    doc_lines(
        &mut out,
        "",
        &format!(
            "{class}'s operations as typed methods over a VodkitClient of \"{provider}\": each\n\
             builds the operation's JSON parameters (optional ones left out when null),\n\
             calls it and returns the answer's data as JSON. As thread-safe as the client;\n\
             closing stays the client's job."
        ),
    );
    writeln!(out, " *").unwrap();
    writeln!(out, " * <pre>{{@code").unwrap();
    writeln!(
        out,
        " * try (VodkitClient client = new VodkitClient({class}.PROVIDER, configJson)) {{"
    )
    .unwrap();
    writeln!(out, " *     {class} {provider} = new {class}(client);").unwrap();
    writeln!(out, " * }}").unwrap();
    writeln!(out, " * }}</pre>").unwrap();
    writeln!(out, " */").unwrap();
    writeln!(out, "public final class {class} {{").unwrap();
    writeln!(
        out,
        "    /** The provider name its clients are built with. */"
    )
    .unwrap();
    writeln!(
        out,
        "    public static final String PROVIDER = {};",
        literal(provider)
    )
    .unwrap();
    writeln!(out).unwrap();
    writeln!(
        out,
        "    /** Every operation, in catalog order: its name, its catalog function, its method here. */"
    )
    .unwrap();
    writeln!(
        out,
        "    public static final List<List<String>> OPERATION_METHODS = List.of("
    )
    .unwrap();
    for (i, (op, name)) in ops.iter().zip(&names).enumerate() {
        let sep = if i + 1 == ops.len() { ");" } else { "," };
        writeln!(
            out,
            "            List.of({}, {}, {}){sep}",
            literal(&op.name),
            literal(&op.function),
            literal(name)
        )
        .unwrap();
    }
    writeln!(out).unwrap();
    writeln!(out, "    private final VodkitClient client;").unwrap();
    writeln!(out).unwrap();
    writeln!(out, "    /**").unwrap();
    writeln!(
        out,
        "     * @param client a client of {{@link #PROVIDER}} (the calls share it and its connections)"
    )
    .unwrap();
    writeln!(
        out,
        "     * @throws IllegalArgumentException when the client is of another provider"
    )
    .unwrap();
    writeln!(out, "     */").unwrap();
    writeln!(out, "    public {class}(VodkitClient client) {{").unwrap();
    writeln!(
        out,
        "        this.client = Params.clientOf(client, PROVIDER);"
    )
    .unwrap();
    writeln!(out, "    }}").unwrap();
    writeln!(out).unwrap();
    writeln!(out, "    /** The client the calls go through. */").unwrap();
    writeln!(out, "    public VodkitClient client() {{").unwrap();
    writeln!(out, "        return client;").unwrap();
    writeln!(out, "    }}").unwrap();
    for (op, name) in ops.iter().zip(&names) {
        writeln!(out).unwrap();
        methods(&mut out, op, name);
    }
    writeln!(out, "}}").unwrap();
    out
}
