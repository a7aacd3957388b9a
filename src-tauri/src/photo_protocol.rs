//! The `photo:` URI scheme, the window's only way to see photos:
//!
//! ```text
//! photo://localhost/thumb/pad/<sha256>.jpg     (http://photo.localhost/… on Windows)
//! ```
//!
//! It serves the square thumbnail of a stored photo, padded or cropped (the editor's
//! live preview of the choice), made on first request off the UI thread and cached.
//! Nothing from the request reaches the file system but a checked SHA-256 that the
//! catalog knows: no path, no folder, no other file can be asked for.

use chophien::photos::spec::{Fit, Rendition};
use chophien::photos::store::is_sha256;
use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

pub const SCHEME: &str = "photo";

/// What a request asks for, if it is well formed.
fn parse(path: &str) -> Option<(Fit, &str)> {
    let rest = path.strip_prefix("/thumb/")?;
    let (fit, file) = rest.split_once('/')?;
    let sha256 = file.strip_suffix(".jpg")?;
    is_sha256(sha256).then_some((Fit::from_code(fit)?, sha256))
}

pub fn handle<R: Runtime>(
    context: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = context.app_handle().clone();
    let path = request.uri().path().to_owned();
    // Decoding a photo takes tens of milliseconds: never on the thread that paints.
    tauri::async_runtime::spawn_blocking(move || {
        responder.respond(serve(&app.state::<AppState>(), &path));
    });
}

fn serve(state: &AppState, path: &str) -> Response<Vec<u8>> {
    let Some((fit, sha256)) = parse(path) else {
        return status(StatusCode::NOT_FOUND);
    };
    let (Ok(catalog), Ok(store)) = (state.catalog(), state.photo_store()) else {
        return status(StatusCode::SERVICE_UNAVAILABLE);
    };
    let Ok(Some(file)) = catalog.photo_file(sha256) else {
        return status(StatusCode::NOT_FOUND);
    };
    let made = chophien::photos::rendition(&store, &file, Rendition::Thumbnail(fit), sha256)
        .map_err(|error| error.to_string())
        .and_then(|path| std::fs::read(&path).map_err(|error| error.to_string()));
    match made {
        Ok(jpeg) => Response::builder()
            .header(header::CONTENT_TYPE, "image/jpeg")
            // Named by content and fit, so it changes only with the app's photo rules.
            .header(header::CACHE_CONTROL, "max-age=86400")
            .body(jpeg)
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Err(error) => {
            eprintln!("chophien-desktop: thumbnail {sha256}: {error}");
            status(StatusCode::NOT_FOUND)
        }
    }
}

fn status(code: StatusCode) -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = code;
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_thumbnail_addresses_are_served() {
        let sha = "a".repeat(64);
        assert_eq!(
            parse(&format!("/thumb/crop/{sha}.jpg")),
            Some((Fit::Crop, sha.as_str()))
        );
        for bad in [
            format!("/thumb/crop/{sha}.png"),
            format!("/thumb/zoom/{sha}.jpg"),
            "/thumb/pad/../../../etc/passwd.jpg".to_owned(),
            format!("/thumb/pad/{}.jpg", "A".repeat(64)),
            format!("/original/{sha}.jpg"),
        ] {
            assert_eq!(parse(&bad), None, "{bad}");
        }
    }
}
