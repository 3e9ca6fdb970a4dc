//! `VodkitClient.upload`/`resumeUpload`: the upload runs on the calling
//! thread, and so does the progress listener, called through the Java
//! `ProgressBridge` (`tick(...)`: false stops the upload). The bridge catches
//! whatever the listener throws and keeps it; the upload then fails as
//! CANCELLED with its resume handle and the Java side attaches the listener's
//! exception as the cause.

use std::ops::ControlFlow;
use std::sync::Arc;

use jni::objects::{JClass, JObject, JString, JValue};
use jni::sys::jlong;
use jni::{jni_sig, jni_str, Env, EnvUnowned};
use serde_json::Value;
use vodkit::upload::{Progress, UploadHooks};

use crate::boundary::{arg, json_arg, json_out, opt_arg, run, Fail};
use crate::client::client;
use crate::control::control;

/// One progress report to the bridge, in its own local frame (an upload
/// of hours reports tens of thousands of times). `Ok(false)`: stop.
fn tick(
    env: &mut Env<'_>,
    bridge: &JObject<'_>,
    p: &Progress,
    resume: &mut Option<(Arc<Value>, String)>,
) -> jni::errors::Result<bool> {
    match (&p.resume, &*resume) {
        (Some(now), Some((had, _))) if Arc::ptr_eq(now, had) => {}
        (Some(now), _) => *resume = Some((now.clone(), now.to_string())),
        (None, _) => *resume = None,
    }
    env.with_local_frame(4, |env| {
        let resume_json: JObject = match resume {
            Some((_, text)) => env.new_string(text)?.into(),
            None => JObject::null(),
        };
        env.call_method(
            bridge,
            jni_str!("tick"),
            jni_sig!("(JJJJLjava/lang/String;)Z"),
            &[
                JValue::Long(p.bytes_done as i64),
                JValue::Long(p.bytes_total as i64),
                JValue::Long(p.bytes_sent as i64),
                JValue::Long(p.elapsed.as_millis() as i64),
                JValue::Object(&resume_json),
            ],
        )?
        .z()
    })
}

#[no_mangle]
#[allow(clippy::too_many_arguments)] // the Java signature
pub extern "system" fn Java_org_vodkit_VodkitClient_nativeUpload<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    resume_json: JString<'local>,
    path: JString<'local>,
    options: JString<'local>,
    bridge: JObject<'local>,
    control_handle: jlong,
) -> JObject<'local> {
    run(&mut env, |env| {
        let resume = match opt_arg(env, &resume_json)? {
            Some(text) => Some(vodkit::api::json_from_text(&text, "resumeJson")?),
            None => None,
        };
        let path = arg(env, &path, "path")?;
        let options = json_arg(env, &options, "optionsJson")?;
        // SAFETY: the Java class passes live handles only.
        let client = unsafe { client(handle) }?;
        let control = unsafe { control(control_handle) }.cloned();

        let mut jni_failure: Option<jni::errors::Error> = None;
        let mut last_resume = None;
        let mut hooks = UploadHooks::new();
        if !bridge.is_null() {
            let env = &mut *env;
            let bridge = &bridge;
            let jni_failure = &mut jni_failure;
            hooks = hooks.on_progress(move |p: &Progress| {
                if jni_failure.is_some() {
                    return ControlFlow::Break(());
                }
                match tick(env, bridge, p, &mut last_resume) {
                    Ok(true) => ControlFlow::Continue(()),
                    Ok(false) => ControlFlow::Break(()),
                    Err(e) => {
                        // A Java exception is pending: no more JNI calls
                        // until we return and the JVM throws it.
                        *jni_failure = Some(e);
                        ControlFlow::Break(())
                    }
                }
            });
        }
        if let Some(control) = control {
            hooks = hooks.control(control);
        }
        let result = match &resume {
            None => client.upload(path.as_str(), &options, hooks),
            Some(handle) => client.resume_upload(handle, path.as_str(), &options, hooks),
        };
        if let Some(e) = jni_failure {
            return Err(Fail::Jni(e));
        }
        match result {
            Ok(answer) => json_out(env, &answer),
            Err(error) => {
                let resume = error.resume().cloned().or(resume);
                Err(Fail::Vodkit { error, resume })
            }
        }
    })
}
