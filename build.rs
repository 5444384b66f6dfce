//! Embeds every scenario under `scenarios/` into the binary, so the app
//! runs anywhere with no set-up and a new scenario file needs no code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=scenarios");
    // Read at run time: `env!` would freeze the path the build script was
    // compiled in, and a copied `target/` would then embed another checkout.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_string());
    let root = Path::new(&manifest_dir);
    let mut files = Vec::new();
    if let Ok(languages) = std::fs::read_dir(root.join("scenarios")) {
        for language in languages.flatten() {
            let path = language.path();
            if !path.is_dir() {
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            if let Ok(entries) = std::fs::read_dir(&path) {
                for entry in entries.flatten() {
                    let file = entry.path();
                    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
                    if name.ends_with(".ron") && !name.ends_with(".layout.ron") {
                        files.push(file);
                    }
                }
            }
        }
    }
    files.sort();
    let mut out = String::from(
        "/// Built-in scenario files: (path relative to the crate, contents).\npub static BUILT_IN: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        let relative = file.strip_prefix(root).unwrap_or(file);
        let _ = writeln!(
            out,
            "    ({:?}, include_str!({:?})),",
            relative.to_string_lossy().replace('\\', "/"),
            file.to_string_lossy()
        );
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_string());
    let _ = std::fs::write(Path::new(&out_dir).join("built_in.rs"), out);
}
