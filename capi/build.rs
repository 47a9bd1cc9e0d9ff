//! Gives the shared library its SONAME, so that programs linked against it
//! record `libnewsparse.so.0` and keep working across compatible updates.

fn main() {
    // Bumped with the C ABI's major version (0 until 1.0: see capi/install.sh).
    const SONAME: &str = "libnewsparse.so.0";
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly"
    ) {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{SONAME}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
