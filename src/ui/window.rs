//! The native window: title, icon, size and the glow renderer (which
//! starts on machines without Vulkan).

use std::sync::Arc;

/// The app icon, a PNG compiled into the binary so it runs anywhere.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The window icon, decoded from [`ICON_PNG`].
pub fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG).ok()
}

/// How the window opens.
pub fn native_options() -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Momento")
        .with_app_id("momento")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([820.0, 560.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..eframe::NativeOptions::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_decodes() {
        let icon = icon().expect("the icon is a valid PNG");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
