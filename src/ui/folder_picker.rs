//! A "Browse…" button that opens the system's folder dialog (`rfd`: the
//! XDG desktop portal on Linux, so no GTK is needed; the native dialogs on
//! Windows and macOS). The dialog runs on its own thread, so the window
//! keeps drawing while it is open; the path field beside the button stays
//! the fallback where no dialog service is available.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};

/// The answer of a dialog still open, kept in egui's memory by button id.
type Pending = Arc<Mutex<Receiver<Option<PathBuf>>>>;

/// Draws the button; returns the folder chosen, once, when the dialog
/// closes with a choice. `start` is where the dialog opens. Shows nothing
/// when `native` is false (tests: no dialog may block them).
pub fn browse_button_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    start: Option<&Path>,
    native: bool,
    t: &crate::i18n::Texts,
) -> Option<PathBuf> {
    if !native {
        return None;
    }
    let id = ui.scope_id().with(("folder_picker", id_salt));
    let pending: Option<Pending> = ui.data(|d| d.get_temp(id));
    let mut chosen = None;
    if let Some(receiver) = &pending {
        let answer = match receiver.lock() {
            Ok(receiver) => receiver.try_recv(),
            Err(_) => Err(TryRecvError::Disconnected),
        };
        match answer {
            Ok(folder) => {
                chosen = folder;
                ui.data_mut(|d| d.remove::<Pending>(id));
            }
            Err(TryRecvError::Disconnected) => ui.data_mut(|d| d.remove::<Pending>(id)),
            // Still open: look again soon.
            Err(TryRecvError::Empty) => ui
                .ctx()
                .request_repaint_after(std::time::Duration::from_millis(200)),
        }
    }
    let open = ui.data(|d| d.get_temp::<Pending>(id)).is_some();
    let button = ui.add_enabled(!open, egui::Button::new(t.folder_browse));
    if button.clicked() {
        let (sender, receiver) = mpsc::channel();
        let title = t.folder_browse_title.to_string();
        let start = start.filter(|p| p.is_dir()).map(Path::to_path_buf);
        let spawned = std::thread::Builder::new()
            .name("folder-dialog".to_string())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new().set_title(title);
                if let Some(start) = start {
                    dialog = dialog.set_directory(start);
                }
                // The window may be gone by now: nobody to tell.
                let _ = sender.send(dialog.pick_folder());
            });
        if spawned.is_ok() {
            let pending: Pending = Arc::new(Mutex::new(receiver));
            ui.data_mut(|d| d.insert_temp(id, pending));
        }
    }
    chosen
}
