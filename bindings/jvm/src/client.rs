//! `org.vodkit.VodkitClient`'s natives: a boxed `vodkit::Client` behind a
//! `long`. Java owns the handle: `nativeRetain` gives each call its own
//! clone (a cheap `Arc` copy), so `close()` on another thread never frees a
//! client a running call uses; `nativeFree` runs exactly once (the Java
//! `Cleaner`'s clean action).

use jni::objects::{JClass, JObject, JString};
use jni::sys::jlong;
use jni::EnvUnowned;

use crate::boundary::{arg, json_arg, json_out, opt_arg, run};
use crate::handle::{self, into_handle};

/// What a call on a closed client says.
const CLOSED: &str = "this VodkitClient is closed";

/// The client behind a handle Java passed back.
///
/// # Safety
/// `handle` came from `nativeNew`/`nativeRetain` and was not freed (the
/// Java class guarantees both).
pub(crate) unsafe fn client<'a>(handle: jlong) -> crate::boundary::Result<&'a vodkit::Client> {
    handle::borrow(handle, CLOSED)
}

/// Test hook: `VODKIT_TEST_PANIC=jni` makes `call` panic, so the tests can
/// prove a panic comes back as `VodkitException` (internal), not an abort.
fn panic_requested() -> bool {
    static FLAG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *FLAG.get_or_init(|| std::env::var("VODKIT_TEST_PANIC").is_ok_and(|v| v == "jni"))
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_VodkitClient_nativeNew<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    provider: JString<'local>,
    config: JString<'local>,
) -> jlong {
    run(&mut env, |env| {
        let provider = arg(env, &provider, "provider")?;
        let config = json_arg(env, &config, "configJson")?;
        Ok(into_handle(vodkit::Client::new(&provider, &config)?))
    })
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_VodkitClient_nativeRetain<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jlong {
    // SAFETY: see `client`.
    run(&mut env, |_| unsafe {
        handle::retain::<vodkit::Client>(handle, CLOSED)
    })
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_VodkitClient_nativeFree<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) {
    run(&mut env, |_| {
        // SAFETY: Java frees each handle once (see the module comment).
        unsafe { handle::free::<vodkit::Client>(handle) };
        Ok(())
    })
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_VodkitClient_nativeProvider<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JObject<'local> {
    run(&mut env, |env| {
        // SAFETY: see `client`.
        let provider = unsafe { client(handle) }?.provider();
        Ok(env.new_string(provider)?.into())
    })
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_VodkitClient_nativeCall<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    operation: JString<'local>,
    params: JString<'local>,
) -> JObject<'local> {
    run(&mut env, |env| {
        if panic_requested() {
            panic!("VODKIT_TEST_PANIC=jni");
        }
        let operation = arg(env, &operation, "operation")?;
        let params = json_arg(env, &params, "paramsJson")?;
        // SAFETY: see `client`.
        let answer = unsafe { client(handle) }?.call(&operation, &params)?;
        json_out(env, &answer)
    })
}

#[no_mangle]
#[allow(clippy::too_many_arguments)] // the Java signature
pub extern "system" fn Java_org_vodkit_VodkitClient_nativeCallWithFile<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    operation: JString<'local>,
    params: JString<'local>,
    field: JString<'local>,
    path: JString<'local>,
) -> JObject<'local> {
    run(&mut env, |env| {
        let operation = arg(env, &operation, "operation")?;
        let params = json_arg(env, &params, "paramsJson")?;
        // null or "": the operation's own field (the catalog's, or the
        // config's `file_fields` override).
        let field = opt_arg(env, &field)?.unwrap_or_default();
        let path = arg(env, &path, "path")?;
        // SAFETY: see `client`.
        let answer = unsafe { client(handle) }?.call_with_file(
            &operation,
            &params,
            &field,
            std::path::Path::new(&path),
        )?;
        json_out(env, &answer)
    })
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_VodkitClient_nativeOperations<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JObject<'local> {
    run(&mut env, |env| {
        // SAFETY: see `client`.
        let operations = unsafe { client(handle) }?.operations();
        let json = serde_json::to_value(&operations)
            .map_err(|e| vodkit::Error::internal(format!("cannot encode the catalog: {e}")))?;
        json_out(env, &json)
    })
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_VodkitClient_nativeCredentials<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JObject<'local> {
    run(&mut env, |env| {
        // SAFETY: see `client`.
        match unsafe { client(handle) }?.credentials() {
            Some(credentials) => json_out(env, &credentials),
            None => Ok(JObject::null()),
        }
    })
}
