//! The authorisation pages a seller sees in the browser: on the real platforms they lead
//! back to the app's registered address with a code; here they show the code to copy.

use axum::response::Response;

use super::wire::{Market, html};
use super::{PracticeShop, Shared};

const PAGES: [(&str, Market); 3] = [
    ("/tiktok-services/open/authorize", Market::Tiktok),
    ("/shopee/api/v2/shop/auth_partner", Market::Shopee),
    ("/lazada-auth/oauth/authorize", Market::Lazada),
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub(crate) fn handle(shared: &Shared, full_path: &str) -> Option<Response> {
    let market = PAGES.iter().find(|(path, _)| *path == full_path)?.1;
    let shop = shared
        .store
        .shops()
        .ok()?
        .into_iter()
        .find_map(|shop| match (market, shop) {
            (Market::Tiktok, PracticeShop::Tiktok { shop_id, name, .. })
            | (
                Market::Lazada,
                PracticeShop::Lazada {
                    seller_id: shop_id,
                    name,
                    ..
                },
            ) => Some((shop_id, name)),
            (Market::Shopee, PracticeShop::Shopee { shop_id, name, .. }) => {
                Some((shop_id.to_string(), name))
            }
            _ => None,
        })?;
    let code = shared.store.new_code(market, &shop.0).ok()??;
    Some(html(format!(
        "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Cấp quyền – sàn luyện tập</title>\
         <body style=\"font-family:sans-serif;max-width:40rem;margin:3rem auto\">\
         <h1>Sàn luyện tập: cho phép Chợ Phiên quản lý cửa hàng</h1>\
         <p>Cửa hàng: <strong>{}</strong> (shop ID {})</p>\
         <p>Chép mã ủy quyền này vào ứng dụng:</p><p style=\"font-size:2rem\"><code>{}</code></p>\
         <p>Mã chỉ dùng được một lần.</p></body></html>",
        escape(&shop.1),
        escape(&shop.0),
        escape(&code)
    )))
}
