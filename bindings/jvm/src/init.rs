//! `org.vodkit.Vodkit.init(context)`: Android's certificate verifier gets the
//! JVM and the app's Context (`vodkit::android::init`); a no-op elsewhere.

use jni::objects::{JClass, JObject};
use jni::EnvUnowned;

use crate::boundary::run;

#[no_mangle]
pub extern "system" fn Java_org_vodkit_Vodkit_nativeInit<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    context: JObject<'local>,
) {
    run(&mut env, |env| {
        // SAFETY: a live JNIEnv of this thread and a local reference from the JVM.
        unsafe { vodkit::android::init(env.get_raw().cast(), context.as_raw().cast()) }?;
        Ok(())
    })
}
