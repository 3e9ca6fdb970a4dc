fn main() {
    let ops = vodkit::api::registry::all_operations();
    println!("{}", serde_json::to_string_pretty(&ops[3]).unwrap());
    println!("{}", serde_json::to_string_pretty(&ops[29]).unwrap());
    let mut missing = 0;
    for op in &ops {
        if op.doc.is_empty() {
            missing += 1;
        }
        for p in &op.params {
            if p.doc.is_empty() {
                missing += 1;
            }
            if p.ty == "any" {
                println!("any: {} {}", op.name, p.name);
            }
        }
    }
    println!("missing docs: {missing}");
}
