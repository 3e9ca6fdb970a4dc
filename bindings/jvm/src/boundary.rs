//! The one way every export enters Rust: JNI strings in, results out, and
//! failures thrown as `org.vodkit.VodkitException` (panics included).

use jni::errors::ErrorPolicy;
use jni::objects::{JObject, JString, JValue};
use jni::{jni_sig, jni_str, Env, EnvUnowned};
use serde_json::Value;

/// Why an export failed.
pub(crate) enum Fail {
    /// A vodkit error, with the resume handle of the upload it ended.
    Vodkit {
        error: vodkit::Error,
        resume: Option<Value>,
    },
    /// A JNI failure; when it is a pending Java exception, that one is thrown.
    Jni(jni::errors::Error),
}

impl From<jni::errors::Error> for Fail {
    fn from(e: jni::errors::Error) -> Self {
        Fail::Jni(e)
    }
}

impl From<vodkit::Error> for Fail {
    fn from(error: vodkit::Error) -> Self {
        let resume = error.resume().cloned();
        Fail::Vodkit { error, resume }
    }
}

pub(crate) type Result<T> = std::result::Result<T, Fail>;

/// Runs an export's body; the JVM sees its value, or a thrown exception and
/// `T::default()` (0, false, null).
pub(crate) fn run<'local, T, F>(env: &mut EnvUnowned<'local>, body: F) -> T
where
    T: Default,
    F: FnOnce(&mut Env<'local>) -> Result<T>,
{
    env.with_env(body).resolve::<ThrowVodkitException>()
}

/// A required Java string argument (null: an INVALID_INPUT error naming it).
pub(crate) fn arg(env: &Env<'_>, s: &JString<'_>, name: &str) -> Result<String> {
    if s.is_null() {
        return Err(vodkit::Error::invalid_input(format!("{name} must not be null")).into());
    }
    Ok(s.try_to_string(env)?)
}

/// An optional Java string argument.
pub(crate) fn opt_arg(env: &Env<'_>, s: &JString<'_>) -> Result<Option<String>> {
    if s.is_null() {
        return Ok(None);
    }
    Ok(Some(s.try_to_string(env)?))
}

/// A JSON argument: null or blank means `{}` (the defaults).
pub(crate) fn json_arg(env: &Env<'_>, s: &JString<'_>, name: &str) -> Result<Value> {
    let text = opt_arg(env, s)?.unwrap_or_default();
    if text.trim().is_empty() {
        return Ok(Value::Object(Default::default()));
    }
    Ok(vodkit::api::json_from_text(&text, name)?)
}

/// A value as a Java string of JSON.
pub(crate) fn json_out<'local>(env: &mut Env<'local>, value: &Value) -> Result<JObject<'local>> {
    Ok(env.new_string(value.to_string())?.into())
}

/// The error policy of every export.
struct ThrowVodkitException;

impl<T: Default> ErrorPolicy<T, Fail> for ThrowVodkitException {
    type Captures<'unowned_env_local: 'native_method, 'native_method> = ();

    fn on_error<'a: 'n, 'n>(env: &mut Env<'a>, _: &mut (), fail: Fail) -> jni::errors::Result<T> {
        if env.exception_check() {
            // A Java exception is on its way (thrown by a callback, or an
            // OutOfMemoryError): it wins.
            return Ok(T::default());
        }
        match fail {
            Fail::Vodkit { error, resume } => throw(env, &error, resume.as_ref())?,
            Fail::Jni(e) => throw(env, &vodkit::Error::internal(format!("JNI: {e}")), None)?,
        }
        Ok(T::default())
    }

    fn on_panic<'a: 'n, 'n>(
        env: &mut Env<'a>,
        _: &mut (),
        payload: Box<dyn std::any::Any + Send + 'static>,
    ) -> jni::errors::Result<T> {
        if env.exception_check() {
            return Ok(T::default());
        }
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        // The payload may hold anything: forget it rather than run its drop here.
        std::mem::forget(payload);
        let error = vodkit::Error::internal(format!("a bug in vodkit (Rust panic): {what}"));
        throw(env, &error, None)?;
        Ok(T::default())
    }
}

/// Throws `new VodkitException(codeNumber, code, message, providerCode,
/// requestId, httpStatus, detail, resumeJson)`.
fn throw(
    env: &mut Env<'_>,
    error: &vodkit::Error,
    resume: Option<&Value>,
) -> jni::errors::Result<()> {
    let code = jstr(env, Some(error.kind().as_str()))?;
    let message = jstr(env, Some(&error.to_string()))?;
    let provider_code = jstr(env, error.provider_code())?;
    let request_id = jstr(env, error.request_id())?;
    let detail = jstr(env, error.detail())?;
    let resume = resume.map(Value::to_string);
    let resume = jstr(env, resume.as_deref())?;
    let exception = env.new_object(
        jni_str!("org/vodkit/VodkitException"),
        jni_sig!("(ILjava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;Ljava/lang/String;)V"),
        &[
            JValue::Int(error.kind() as i32),
            JValue::Object(&code),
            JValue::Object(&message),
            JValue::Object(&provider_code),
            JValue::Object(&request_id),
            JValue::Int(error.http_status().map(i32::from).unwrap_or(0)),
            JValue::Object(&detail),
            JValue::Object(&resume),
        ],
    )?;
    let exception = env.cast_local::<jni::objects::JThrowable>(exception)?;
    let _ = env.throw(exception);
    Ok(())
}

/// A Java string, or null.
fn jstr<'local>(env: &mut Env<'local>, s: Option<&str>) -> jni::errors::Result<JObject<'local>> {
    Ok(match s {
        Some(s) => env.new_string(s)?.into(),
        None => JObject::null(),
    })
}
