//! Python: per provider, `vodkit/_generated/<provider>.py` (a `Client`
//! subclass with one typed method per catalog operation, and a `TypedDict`
//! per answer model, config and upload options) and its `.pyi` stub (the same
//! types and signatures, for type checkers and editors); and
//! `vodkit/_generated/__init__.py`, which imports every provider's class.
//! Each module also holds the provider's asyncio class (`AsyncBaijiayun`,
//! derived from the hand-written `vodkit._aio.Client`: the same methods as
//! coroutines), which `vodkit/_generated/aio.py` exports under the provider's
//! plain class name for `vodkit.aio`.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde_json::Value;
use vodkit::api::{OperationInfo, ParamInfo};

use crate::{do_not_edit, Generated, ProviderModel};

const DIR: &str = "bindings/python/python/vodkit/_generated";

/// Attributes of the hand-written `vodkit.Client` that no operation may shadow.
const CLIENT_ATTRIBUTES: &[&str] = &[
    "call",
    "call_with_file",
    "upload",
    "resume_upload",
    "operations",
    "provider",
    "credentials",
    "blocking",
];

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub fn files(catalog: &[ProviderModel]) -> Vec<Generated> {
    let mut out = Vec::new();
    for provider in catalog {
        let module = Module::build(provider);
        out.push(Generated {
            path: leak(format!("{DIR}/{}.py", provider.name)),
            contents: module.render(false),
        });
        out.push(Generated {
            path: leak(format!("{DIR}/{}.pyi", provider.name)),
            contents: module.render(true),
        });
    }
    out.push(Generated {
        path: leak(format!("{DIR}/__init__.py")),
        contents: package_init(catalog),
    });
    out.push(Generated {
        path: leak(format!("{DIR}/aio.py")),
        contents: aio_init(catalog),
    });
    out
}

/// `vodkit/_generated/aio.py`: every provider's asyncio class under its
/// plain name (`vodkit.aio.Baijiayun`).
fn aio_init(catalog: &[ProviderModel]) -> String {
    let mut s = do_not_edit("#");
    s.push_str("\"\"\"Every provider's typed asyncio class, exported by ``vodkit.aio``.\"\"\"\n\n");
    s.push_str("from __future__ import annotations\n\n");
    for p in catalog {
        let class = class_name(p.name);
        let _ = writeln!(
            s,
            "from .{} import {} as {class}",
            p.name,
            async_class_name(p.name)
        );
    }
    s.push_str("\n__all__ = [\n");
    for p in catalog {
        let _ = writeln!(s, "    {:?},", class_name(p.name));
    }
    s.push_str("]\n");
    s
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// `vodkit/_generated/__init__.py`: every provider's class and module.
fn package_init(catalog: &[ProviderModel]) -> String {
    let mut s = do_not_edit("#");
    s.push_str("\"\"\"Every provider's typed client class (``vodkit.Baijiayun``, …) and its\nmodule of answer types (``vodkit.baijiayun.VideoInfo``, …).\"\"\"\n\n");
    s.push_str("from __future__ import annotations\n\n");
    for p in catalog {
        let _ = writeln!(s, "from . import {}", p.name);
        let _ = writeln!(s, "from .{} import {}", p.name, class_name(p.name));
    }
    s.push_str("\n# Provider name -> its class.\n");
    s.push_str("PROVIDER_CLASSES: dict[str, type] = {\n");
    for p in catalog {
        let _ = writeln!(s, "    {:?}: {},", p.name, class_name(p.name));
    }
    s.push_str("}\n\n__all__ = [\n");
    for p in catalog {
        let _ = writeln!(s, "    {:?},\n    {:?},", class_name(p.name), p.name);
    }
    s.push_str("]\n");
    s
}

/// `baijiayun` → `Baijiayun`, `foo_bar` → `FooBar`.
fn class_name(provider: &str) -> String {
    camel(provider)
}

/// `baijiayun` → `AsyncBaijiayun`: the provider's asyncio class.
fn async_class_name(provider: &str) -> String {
    format!("Async{}", camel(provider))
}

fn camel(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
        && !KEYWORDS.contains(&name)
}

/// A valid Python name for a wire name (`from` → `from_`).
fn py_name(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    if KEYWORDS.contains(&s.as_str()) || s == "self" {
        s.push('_');
    }
    s
}

// ---------------------------------------------------------------- types

struct TypedDictDef {
    name: String,
    doc: String,
    fields: Vec<FieldDef>,
}

struct FieldDef {
    key: String,
    ty: String,
    required: bool,
    doc: String,
}

/// The `TypedDict`s of one module, named once each: the same model met in
/// several answers is one class; two different models of the same name get
/// `Name2`, `Name3`…
#[derive(Default)]
struct Types {
    defs: Vec<TypedDictDef>,
    by_content: HashMap<String, String>,
    names: HashSet<String>,
}

/// Where a schema is read: `$defs` of its root, and the names they got.
struct Scope<'a> {
    defs: &'a Value,
    named: HashMap<String, String>,
    /// Inputs take any sequence / mapping; answers are lists and dicts.
    input: bool,
}

impl<'a> Scope<'a> {
    fn of(root: &'a Value, input: bool) -> Self {
        Scope {
            defs: root.get("$defs").unwrap_or(&Value::Null),
            named: HashMap::new(),
            input,
        }
    }
}

impl Types {
    fn unique_name(&mut self, wanted: &str) -> String {
        let base = {
            let n = py_name(wanted);
            if n.starts_with('_') {
                format!("T{n}")
            } else {
                n
            }
        };
        let mut name = base.clone();
        let mut i = 2;
        while self.names.contains(&name) {
            name = format!("{base}{i}");
            i += 1;
        }
        self.names.insert(name.clone());
        name
    }

    /// The Python type of `schema`; objects with properties become
    /// `TypedDict`s named after `hint`.
    fn ty(&mut self, schema: &Value, scope: &mut Scope<'_>, hint: &str) -> String {
        let Some(obj) = schema.as_object() else {
            return "Any".into();
        };
        if let Some(name) = obj
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            return self.def(name, scope);
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(variants) = obj.get(key).and_then(Value::as_array) {
                let mut nullable = false;
                let mut types: Vec<String> = Vec::new();
                for v in variants {
                    let t = self.ty(v, scope, hint);
                    if t == "None" {
                        nullable = true;
                    } else if !types.contains(&t) {
                        types.push(t);
                    }
                }
                return optional(union(types), nullable);
            }
        }
        if let Some(values) = obj.get("enum").and_then(Value::as_array) {
            return literal(values);
        }
        if let Some(value) = obj.get("const") {
            return literal(std::slice::from_ref(value));
        }
        let (types, nullable): (Vec<&str>, bool) = match obj.get("type") {
            Some(Value::String(t)) => (vec![t.as_str()], false),
            Some(Value::Array(ts)) => {
                let names: Vec<&str> = ts.iter().filter_map(Value::as_str).collect();
                let nullable = names.contains(&"null");
                (
                    names.into_iter().filter(|t| *t != "null").collect(),
                    nullable,
                )
            }
            _ if obj.contains_key("properties") => (vec!["object"], false),
            _ => return "Any".into(),
        };
        if types.is_empty() {
            return "None".into();
        }
        let rendered: Vec<String> = types
            .iter()
            .map(|t| self.simple(t, obj, scope, hint))
            .collect();
        optional(union(rendered), nullable)
    }

    fn simple(
        &mut self,
        ty: &str,
        obj: &serde_json::Map<String, Value>,
        scope: &mut Scope<'_>,
        hint: &str,
    ) -> String {
        match ty {
            "integer" => "int".into(),
            "number" => "float".into(),
            "string" => "str".into(),
            "boolean" => "bool".into(),
            "null" => "None".into(),
            "array" => {
                let item = match obj.get("items") {
                    Some(items) => self.ty(items, scope, &format!("{hint}Item")),
                    None => "Any".into(),
                };
                if scope.input {
                    format!("Sequence[{item}]")
                } else {
                    format!("list[{item}]")
                }
            }
            "object" => {
                if obj
                    .get("properties")
                    .and_then(Value::as_object)
                    .is_some_and(|p| !p.is_empty())
                {
                    let schema = Value::Object(obj.clone());
                    return self.typed_dict(hint, &schema, scope, None);
                }
                let value = match obj.get("additionalProperties") {
                    Some(v @ Value::Object(_)) => self.ty(v, scope, &format!("{hint}Value")),
                    _ => "Any".into(),
                };
                if scope.input {
                    format!("Mapping[str, {value}]")
                } else {
                    format!("dict[str, {value}]")
                }
            }
            _ => "Any".into(),
        }
    }

    /// The type of `$defs/name` in this scope.
    fn def(&mut self, name: &str, scope: &mut Scope<'_>) -> String {
        if let Some(named) = scope.named.get(name) {
            return named.clone();
        }
        let Some(def) = scope.defs.get(name).cloned() else {
            return "Any".into();
        };
        let is_typed_dict = def
            .get("properties")
            .and_then(Value::as_object)
            .is_some_and(|p| !p.is_empty());
        if is_typed_dict {
            self.typed_dict(name, &def, scope, Some(name))
        } else {
            self.ty(&def, scope, name)
        }
    }

    /// Registers (or finds) the `TypedDict` of an object schema.
    fn typed_dict(
        &mut self,
        hint: &str,
        schema: &Value,
        scope: &mut Scope<'_>,
        def_name: Option<&str>,
    ) -> String {
        let mut key_schema = schema.clone();
        if let Some(o) = key_schema.as_object_mut() {
            for k in ["$schema", "$defs", "title"] {
                o.remove(k);
            }
        }
        let content = format!(
            "{}{}",
            if scope.input { "in:" } else { "out:" },
            serde_json::to_string(&key_schema).unwrap_or_default()
        );
        if let Some(name) = self.by_content.get(&content) {
            let name = name.clone();
            if let Some(d) = def_name {
                scope.named.insert(d.to_owned(), name.clone());
            }
            return name;
        }
        let name = self.unique_name(hint);
        self.by_content.insert(content, name.clone());
        if let Some(d) = def_name {
            scope.named.insert(d.to_owned(), name.clone());
        }
        let index = self.defs.len();
        self.defs.push(TypedDictDef {
            name: name.clone(),
            doc: schema
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            fields: Vec::new(),
        });
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut fields = Vec::new();
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (key, prop) in props {
                let ty = self.ty(prop, scope, &format!("{name}{}", camel(key)));
                let doc = prop
                    .get("description")
                    .or_else(|| self.ref_description(prop, scope))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned();
                fields.push(FieldDef {
                    key: key.clone(),
                    ty,
                    required: required.contains(&key.as_str()),
                    doc,
                });
            }
        }
        self.defs[index].fields = fields;
        name
    }

    fn ref_description<'v>(&self, prop: &Value, scope: &'v Scope<'_>) -> Option<&'v Value> {
        let name = prop.get("$ref")?.as_str()?.strip_prefix("#/$defs/")?;
        scope.defs.get(name)?.get("description")
    }

    fn get(&self, name: &str) -> Option<&TypedDictDef> {
        self.defs.iter().find(|d| d.name == name)
    }
}

/// An object answer as a `$defs` entry named after its title (so that it
/// is the same `TypedDict` as where it is nested, and `"$ref": "#"` in it
/// resolves): the schema to read and the root to type.
fn as_def(answer: &Value, title: &str) -> (Value, Value) {
    let is_object = answer
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|p| !p.is_empty());
    if !is_object {
        return (answer.clone(), answer.clone());
    }
    let target = format!("#/$defs/{title}");
    let mut answer = answer.clone();
    rewrite_root_refs(&mut answer, &target);
    let mut def = answer.clone();
    if let Some(o) = def.as_object_mut() {
        for k in ["$schema", "$defs", "title"] {
            o.remove(k);
        }
    }
    if let Some(o) = answer.as_object_mut() {
        let defs = o
            .entry("$defs")
            .or_insert_with(|| Value::Object(Default::default()));
        if let Some(defs) = defs.as_object_mut() {
            defs.entry(title.to_owned()).or_insert(def);
        }
    }
    (answer, serde_json::json!({ "$ref": target }))
}

fn rewrite_root_refs(value: &mut Value, target: &str) {
    match value {
        Value::Object(o) => {
            if o.get("$ref").and_then(Value::as_str) == Some("#") {
                o.insert("$ref".into(), Value::String(target.to_owned()));
            }
            for v in o.values_mut() {
                rewrite_root_refs(v, target);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|v| rewrite_root_refs(v, target)),
        _ => {}
    }
}

fn union(mut types: Vec<String>) -> String {
    if types.iter().any(|t| t == "Any") {
        return "Any".into();
    }
    match types.len() {
        0 => "None".into(),
        1 => types.remove(0),
        _ => format!("Union[{}]", types.join(", ")),
    }
}

fn optional(ty: String, nullable: bool) -> String {
    if !nullable || ty == "Any" || ty == "None" {
        ty
    } else {
        format!("Optional[{ty}]")
    }
}

fn literal(values: &[Value]) -> String {
    let items: Vec<String> = values
        .iter()
        .map(|v| match v {
            Value::String(s) => py_str(s),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Null => "None".into(),
            other => other.to_string(),
        })
        .collect();
    format!("Literal[{}]", items.join(", "))
}

/// A Python string literal (double-quoted).
fn py_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---------------------------------------------------------------- docs

/// Markdown doc text → reST docstring text: `code` → ``code``, [`Link`] →
/// ``Link``.
fn rest(markdown: &str) -> String {
    let text = markdown.replace("[`", "`").replace("`]", "`");
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '`' {
            if chars.peek() == Some(&'`') {
                chars.next();
            }
            out.push_str("``");
        } else {
            out.push(c);
        }
    }
    out
}

/// Escapes text for a `"""` docstring.
fn doc_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"")
}

/// A docstring block at `indent`, its lines kept as written.
fn docstring(text: &str, indent: &str) -> String {
    let text = doc_escape(text.trim());
    let mut s = format!("{indent}\"\"\"");
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            s.push('\n');
            if !line.trim().is_empty() {
                s.push_str(indent);
            }
        }
        s.push_str(line.trim_end());
    }
    if text.contains('\n') {
        s.push('\n');
        s.push_str(indent);
    }
    s.push_str("\"\"\"\n");
    s
}

/// `:param name: text` with continuation lines indented.
fn param_line(name: &str, text: &str) -> String {
    let text = rest(text.trim());
    let mut s = format!(":param {name}:");
    for (i, line) in text.lines().enumerate() {
        if i == 0 {
            if !line.is_empty() {
                s.push(' ');
                s.push_str(line);
            }
        } else if line.trim().is_empty() {
            s.push('\n');
        } else {
            s.push_str("\n    ");
            s.push_str(line.trim());
        }
    }
    s.push('\n');
    s
}

// ---------------------------------------------------------------- module

struct Arg {
    py: String,
    wire: String,
    ty: String,
    required: bool,
    doc: String,
}

struct Method {
    function: String,
    operation: String,
    args: Vec<Arg>,
    /// The path argument's name and the multipart field.
    file: Option<(String, String)>,
    returns: String,
    doc: String,
}

struct Module<'a> {
    provider: &'a ProviderModel,
    class: String,
    types: Types,
    config: String,
    config_keys: Vec<(String, String)>,
    upload_options: Option<String>,
    methods: Vec<Method>,
}

fn param_type(p: &ParamInfo) -> String {
    let base = |t: &str| -> String {
        match t {
            "integer" => "int".into(),
            "number" => "float".into(),
            "string" => "str".into(),
            "boolean" => "bool".into(),
            "object" => "Mapping[str, Any]".into(),
            "array" => "Sequence[Any]".into(),
            _ => "Any".into(),
        }
    };
    match p.ty.as_str() {
        "array" => format!("Sequence[{}]", base(p.items.as_deref().unwrap_or("any"))),
        other => base(other),
    }
}

impl<'a> Module<'a> {
    fn build(provider: &'a ProviderModel) -> Self {
        let class = class_name(provider.name);
        let mut types = Types::default();
        types.names.insert(class.clone());
        types.names.insert(async_class_name(provider.name));
        for reserved in [
            "AsyncClient",
            "Client",
            "UploadControl",
            "Any",
            "Literal",
            "Mapping",
            "Optional",
        ] {
            types.names.insert(reserved.to_owned());
        }
        for reserved in ["Sequence", "TypedDict", "Union", "Unpack", "Callable"] {
            types.names.insert(reserved.to_owned());
        }

        let config_schema = &provider.config_schema;
        let mut scope = Scope::of(config_schema, true);
        let mut config_schema = config_schema.clone();
        config_schema["description"] = Value::String(format!(
            "The config of :class:`{class}` (``vodkit.{class}(**config)``): one JSON-shaped\nmap with the same keys in every binding. Every key is optional here; the\nclient checks the combination (an unknown key raises ``InvalidInputError``)."
        ));
        let config_schema = &config_schema;
        let config = types.typed_dict(&format!("{class}Config"), config_schema, &mut scope, None);
        let config_keys = types
            .get(&config)
            .map(|d| {
                d.fields
                    .iter()
                    .map(|f| (f.key.clone(), f.doc.clone()))
                    .collect()
            })
            .unwrap_or_default();

        let upload_options = provider.upload_options_schema.as_ref().map(|schema| {
            let mut schema = schema.clone();
            schema["description"] = Value::String(format!(
                "The options of :meth:`{class}.upload` and ``resume_upload`` (keyword\narguments), the same keys in every binding."
            ));
            let schema = &schema;
            let mut scope = Scope::of(schema, true);
            types.typed_dict(&format!("{class}UploadOptions"), schema, &mut scope, None)
        });

        let mut methods = Vec::new();
        let mut seen = HashSet::new();
        for op in &provider.operations {
            let method = Self::method(op, &mut types);
            assert!(
                !CLIENT_ATTRIBUTES.contains(&method.function.as_str()),
                "{}: the method name {:?} is taken by vodkit.Client",
                op.name,
                method.function
            );
            assert!(
                seen.insert(method.function.clone()),
                "two operations are called {}",
                method.function
            );
            methods.push(method);
        }
        Module {
            provider,
            class,
            types,
            config,
            config_keys,
            upload_options,
            methods,
        }
    }

    fn method(op: &OperationInfo, types: &mut Types) -> Method {
        let hint = op
            .answer
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("{}Answer", camel(&op.function)));
        let (answer, root) = as_def(&op.answer, &hint);
        let mut scope = Scope::of(&answer, false);
        let returns = types.ty(&root, &mut scope, &hint);
        let mut args: Vec<Arg> = op
            .params
            .iter()
            .map(|p| Arg {
                py: py_name(&p.argument),
                wire: p.name.clone(),
                ty: param_type(p),
                required: p.required,
                doc: p.doc.clone(),
            })
            .collect();
        let file = op.file_field.as_ref().map(|field| {
            let mut name = "path".to_owned();
            while args.iter().any(|a| a.py == name) {
                name = format!("file_{name}");
            }
            (name, field.clone())
        });
        // Required arguments first (positional), in catalog order.
        args.sort_by_key(|a| !a.required);

        let mut doc = rest(op.doc.trim());
        if doc.is_empty() {
            doc = format!("The ``{}`` operation.", op.name);
        }
        doc.push_str("\n\n");
        for a in &args {
            let text = if a.doc.trim().is_empty() {
                "(undocumented)".to_owned()
            } else {
                a.doc.clone()
            };
            doc.push_str(&param_line(&a.py, &text));
        }
        if let Some((name, field)) = &file {
            doc.push_str(&param_line(
                name,
                &format!(
                    "the file to send (multipart field `{field}`, or the config's \
                     `file_fields` override)."
                ),
            ));
        }
        doc.push_str(&format!(":returns: {}\n", answer_shape(&returns, types)));
        if op.provisional {
            doc.push_str(&format!(
                "\nProvisional: no document we have prints the path ``{}``; if the provider\n\
                 answers 404, set the right one with the ``path_overrides`` config key.\n",
                op.path
            ));
        }
        doc.push_str(&format!(
            "\nOperation ``{}`` ({} {}, host ``{}``).",
            op.name,
            op.method.as_str(),
            op.path,
            op.host
        ));
        Method {
            function: py_name(&op.function),
            operation: op.name.clone(),
            args,
            file,
            returns,
            doc,
        }
    }

    fn render(&self, stub: bool) -> String {
        let p = self.provider;
        let mut s = do_not_edit("#");
        let title = if stub { "Type stubs of the" } else { "The" };
        let _ = write!(
            s,
            "\"\"\"{title} ``{}`` provider: :class:`{}`, one typed method per catalog\noperation, and the types of its config, upload options and answers.\"\"\"\n\n",
            p.name, self.class
        );
        s.push_str("from __future__ import annotations\n\n");
        s.push_str("import os\n");
        if stub {
            s.push_str("import typing\n");
        }
        s.push_str(
            "from typing import Any, Callable, Literal, Mapping, Optional, Sequence, TypedDict, Union\n",
        );
        if stub {
            s.push_str("\nfrom typing_extensions import Unpack\n");
            s.push_str("\nfrom .._aio import Client as AsyncClient\n");
            s.push_str("from .._vodkit import UploadControl, Client, Progress, Url\n");
        } else {
            s.push_str("\nfrom .._aio import Client as AsyncClient\n");
            s.push_str("from .._vodkit import Client\n");
        }
        s.push_str("\n_Path = Union[str, \"os.PathLike[str]\"]\n");
        if stub {
            // progress(bytes_done, bytes_total), or progress(p: Progress)
            // for a callable of one argument.
            s.push_str(
                "_Progress = Union[Callable[[int, int], object], Callable[[Progress], object]]\n",
            );
            // What `upload` reads: a path, bytes, a binary file object, or
            // an http(s) URL (`vodkit.Url`).
            s.push_str(
                "_Source = Union[_Path, bytes, bytearray, memoryview, \"typing.IO[bytes]\", Url]\n",
            );
            // The asyncio class's progress(bytes_done, bytes_total), on the loop.
            s.push_str("_AsyncProgress = Callable[[int, int], object]\n");
        }
        s.push('\n');
        let mut all = vec![self.class.clone()];
        all.extend(self.types.defs.iter().map(|d| d.name.clone()));
        s.push_str("__all__ = [\n");
        for name in &all {
            let _ = writeln!(s, "    {},", py_str(name));
        }
        s.push_str("]\n");
        if !stub {
            s.push_str(
                "\n\ndef _params(values: dict[str, Any]) -> dict[str, Any]:\n    \"\"\"The parameters to send: those given (not ``None``).\"\"\"\n    return {k: v for k, v in values.items() if v is not None}\n",
            );
        }
        for def in &self.types.defs {
            s.push_str("\n\n");
            s.push_str(&render_typed_dict(def));
        }
        s.push_str("\n\n");
        s.push_str(&self.render_class(stub));
        s.push_str("\n\n");
        s.push_str(&self.render_async_class(stub));
        s
    }

    /// `AsyncBaijiayun`: the typed methods as coroutines over `vodkit.aio.Client`.
    fn render_async_class(&self, stub: bool) -> String {
        let p = self.provider;
        let class = async_class_name(p.name);
        let mut s = format!("class {class}(AsyncClient):\n");
        let doc = format!(
            "A client of ``{}`` for asyncio (``vodkit.aio.{}``): :class:`vodkit.aio.Client`\n\
             with one typed coroutine per catalog operation, the same arguments and\n\
             answers as :class:`vodkit.{}`'s methods. The config is the same\n\
             (``{}`` in the stubs).\n",
            p.name, self.class, self.class, self.config
        );
        s.push_str(&docstring(&doc, "    "));
        s.push('\n');
        if stub {
            let _ = writeln!(
                s,
                "    def __init__(self, **config: Unpack[{}]) -> None: ...",
                self.config
            );
            if let Some(options) = &self.upload_options {
                s.push_str(&upload_stubs(options, "async def", "_AsyncProgress"));
            }
        } else {
            let _ = write!(
                s,
                "    def __init__(self, **config: Any) -> None:\n        AsyncClient.__init__(self, {}, **config)\n",
                py_str(p.name)
            );
        }
        for m in &self.methods {
            s.push('\n');
            s.push_str(&render_method(m, stub, true));
        }
        s
    }

    fn render_class(&self, stub: bool) -> String {
        let p = self.provider;
        let mut s = format!("class {}(Client):\n", self.class);
        let mut doc = format!(
            "A client of ``{}``: :class:`vodkit.Client` with one typed method per catalog\n\
             operation ({} operations). Each method sends its arguments (``None`` left out)\n\
             through :meth:`Client.call` and answers the operation's data as plain\n\
             ``dict``/``list`` values, typed by the ``TypedDict`` s of this module.\n\n\
             The config is one JSON-shaped map, the same keys in every binding\n\
             (``{}`` in the stubs):\n\n",
            p.name,
            self.methods.len(),
            self.config
        );
        for (key, text) in &self.config_keys {
            doc.push_str(&param_line(key, text));
        }
        doc.push_str(":raises InvalidInputError: an unknown key or a bad value.\n");
        s.push_str(&docstring(&doc, "    "));
        s.push('\n');
        if stub {
            let _ = writeln!(
                s,
                "    def __init__(self, **config: Unpack[{}]) -> None: ...",
                self.config
            );
            if let Some(options) = &self.upload_options {
                s.push_str(&upload_stubs(options, "def", "_Progress"));
            }
        } else {
            let _ = write!(
                s,
                "    def __init__(self, **config: Any) -> None:\n        Client.__init__(self, {}, **config)\n",
                py_str(p.name)
            );
        }
        for m in &self.methods {
            s.push('\n');
            s.push_str(&render_method(m, stub, false));
        }
        s
    }
}

fn render_typed_dict(def: &TypedDictDef) -> String {
    let mut s = String::new();
    let all_keys_ok = def.fields.iter().all(|f| is_identifier(&f.key));
    if !all_keys_ok {
        // Keys that are not Python names: the functional form (all optional).
        let _ = writeln!(s, "{} = TypedDict(", def.name);
        let _ = writeln!(s, "    {},", py_str(&def.name));
        s.push_str("    {\n");
        for f in &def.fields {
            let _ = writeln!(s, "        {}: {},", py_str(&f.key), quote_type(&f.ty));
        }
        s.push_str("    },\n    total=False,\n)\n");
        return s;
    }
    let required: Vec<&FieldDef> = def.fields.iter().filter(|f| f.required).collect();
    let optional: Vec<&FieldDef> = def.fields.iter().filter(|f| !f.required).collect();
    let field_lines = |fields: &[&FieldDef]| -> String {
        let mut s = String::new();
        for f in fields {
            for line in rest(f.doc.trim()).lines() {
                let _ = writeln!(s, "{}", format!("    # {line}").trim_end());
            }
            let _ = writeln!(s, "    {}: {}", f.key, f.ty);
        }
        s
    };
    let doc = if def.doc.trim().is_empty() {
        String::new()
    } else {
        docstring(&rest(&def.doc), "    ")
    };
    if !required.is_empty() && !optional.is_empty() {
        let base = format!("_{}Required", def.name);
        let _ = writeln!(s, "class {base}(TypedDict):");
        s.push_str(&field_lines(&required));
        s.push_str("\n\n");
        let _ = writeln!(s, "class {}({base}, total=False):", def.name);
        s.push_str(&doc);
        s.push_str(&field_lines(&optional));
        return s;
    }
    let total = if required.is_empty() && !def.fields.is_empty() {
        ", total=False"
    } else {
        ""
    };
    let _ = writeln!(s, "class {}(TypedDict{total}):", def.name);
    s.push_str(&doc);
    if def.fields.is_empty() {
        if doc.is_empty() {
            s.push_str("    pass\n");
        }
    } else {
        let fields: Vec<&FieldDef> = def.fields.iter().collect();
        s.push_str(&field_lines(&fields));
    }
    s
}

/// A type in the functional `TypedDict` form, where it is evaluated at
/// runtime: quoted.
fn quote_type(ty: &str) -> String {
    py_str(ty)
}

/// How a docstring shows an answer: the type and, for a `TypedDict`, its keys.
fn answer_shape(returns: &str, types: &Types) -> String {
    if returns == "None" {
        return "``None`` (the operation answers no data).".into();
    }
    match types.get(returns) {
        Some(def) => {
            let keys: Vec<String> = def
                .fields
                .iter()
                .map(|f| format!("\"{}\": {}", f.key, f.ty))
                .collect();
            format!(":class:`{returns}`, ``{{{}}}``.", keys.join(", "))
        }
        None => format!("``{returns}``."),
    }
}

/// One typed method; `asynchronous`: a coroutine awaiting the async client's call.
fn render_method(m: &Method, stub: bool, asynchronous: bool) -> String {
    let (def, await_) = if asynchronous {
        ("async def", "await ")
    } else {
        ("def", "")
    };
    let mut params: Vec<String> = vec!["self".into()];
    for a in m.args.iter().filter(|a| a.required) {
        params.push(format!("{}: {}", a.py, a.ty));
    }
    if let Some((name, _)) = &m.file {
        params.push(format!("{name}: _Path"));
    }
    let optional: Vec<&Arg> = m.args.iter().filter(|a| !a.required).collect();
    if !optional.is_empty() {
        params.push("*".into());
        for a in optional {
            params.push(format!("{}: Optional[{}] = None", a.py, a.ty));
        }
    }
    let one_line = format!(
        "    {def} {}({}) -> {}:",
        m.function,
        params.join(", "),
        m.returns
    );
    let mut s = if one_line.len() <= 100 {
        one_line
    } else {
        let mut s = format!("    {def} {}(\n", m.function);
        for p in &params {
            let _ = writeln!(s, "        {p},");
        }
        let _ = write!(s, "    ) -> {}:", m.returns);
        s
    };
    s.push('\n');
    s.push_str(&docstring(&m.doc, "        "));
    if stub {
        // The docstring is the body.
        return s;
    }
    let entries: Vec<String> = m
        .args
        .iter()
        .map(|a| format!("{}: {}", py_str(&a.wire), a.py))
        .collect();
    let params_expr = if entries.is_empty() {
        "{}".to_owned()
    } else {
        format!("_params({{{}}})", entries.join(", "))
    };
    let (call, extra) = match &m.file {
        // "": the operation's own field (the catalog's, or the config's
        // `file_fields` override).
        Some((name, _)) => ("call_with_file", format!(", \"\", {name}")),
        None => ("call", String::new()),
    };
    let line = format!(
        "        return {await_}self.{call}({}, {params_expr}{extra})",
        py_str(&m.operation)
    );
    if line.len() <= 100 {
        s.push_str(&line);
        s.push('\n');
    } else {
        let _ = writeln!(s, "        return {await_}self.{call}(");
        let _ = writeln!(s, "            {},", py_str(&m.operation));
        if entries.is_empty() {
            let _ = writeln!(s, "            {{}},");
        } else {
            s.push_str("            _params(\n                {\n");
            for e in &entries {
                let _ = writeln!(s, "                    {e},");
            }
            s.push_str("                }\n            ),\n");
        }
        if let Some((name, _)) = &m.file {
            // As on one line: the operation's own field.
            let _ = writeln!(s, "            \"\",");
            let _ = writeln!(s, "            {name},");
        }
        s.push_str("        )\n");
    }
    s
}

/// The stubs of a class's `upload` and `resume_upload`, typed with its upload
/// options: `def` and `_Progress` for the blocking class, `async def` and
/// `_AsyncProgress` for its asyncio twin.
fn upload_stubs(options: &str, def: &str, progress: &str) -> String {
    let mut s = String::new();
    for (name, resume) in [
        ("upload", ""),
        ("resume_upload", "        resume: Mapping[str, Any],\n"),
    ] {
        let _ = write!(
            s,
            "    {def} {name}(  # type: ignore[override]\n        self,\n{resume}        path: _Source,\n        *,\n        progress: Optional[{progress}] = None,\n        control: Optional[UploadControl] = None,\n        **options: Unpack[{options}],\n    ) -> dict[str, Any]: ...\n"
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_docs() {
        assert_eq!(py_name("from"), "from_");
        assert_eq!(py_name("video-id"), "video_id");
        assert_eq!(class_name("baijiayun"), "Baijiayun");
        assert_eq!(
            rest("see [`Client::call`] and `x`"),
            "see ``Client::call`` and ``x``"
        );
        assert_eq!(
            docstring("a \"\"\" b\\", ""),
            "\"\"\"a \\\"\\\"\\\" b\\\\\"\"\"\n"
        );
    }

    #[test]
    fn answer_schemas_become_typed_dicts() {
        let answer = serde_json::json!({
            "title": "Page",
            "type": "object",
            "required": ["total"],
            "properties": {
                "total": {"type": "integer"},
                "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}},
                "next": {"type": ["string", "null"]},
                "parent": {"$ref": "#"}
            },
            "$defs": {"Item": {"type": "object", "properties": {"from": {"type": "boolean"}}}}
        });
        let mut types = Types::default();
        let (schema, root) = as_def(&answer, "Page");
        let mut scope = Scope::of(&schema, false);
        assert_eq!(types.ty(&root, &mut scope, "Page"), "Page");
        let page = types.get("Page").unwrap();
        let fields: Vec<(&str, &str, bool)> = page
            .fields
            .iter()
            .map(|f| (f.key.as_str(), f.ty.as_str(), f.required))
            .collect();
        assert_eq!(
            fields,
            [
                ("total", "int", true),
                ("items", "list[Item]", false),
                ("next", "Optional[str]", false),
                ("parent", "Page", false)
            ]
        );
        let rendered = render_typed_dict(page);
        assert!(
            rendered.contains("class _PageRequired(TypedDict):"),
            "{rendered}"
        );
        assert!(
            rendered.contains("class Page(_PageRequired, total=False):"),
            "{rendered}"
        );
        // A key that is not a Python name: the functional form.
        let item = render_typed_dict(types.get("Item").unwrap());
        assert!(
            item.starts_with("Item = TypedDict(\n    \"Item\""),
            "{item}"
        );
    }
}
