//! Connecting a reply to a node by dragging: each reply in the form has a
//! handle; dropping it on a node of the graph sends the reply there. The
//! graph view reports the drop with [`dropped_on`]; the workbench turns it
//! into an edit with [`connect_edit`].

use crate::i18n::Texts;
use crate::scenario::edit::{Edit, ops};
use egui::RichText;

/// What is dragged: one reply of one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyHandle {
    /// The node the reply belongs to.
    pub node_id: String,
    /// The reply's position in the node.
    pub choice: usize,
}

/// The handle of reply `choice` of `node_id`.
pub fn reply_handle_ui(ui: &mut egui::Ui, node_id: &str, choice: usize, t: &Texts) {
    let handle = ReplyHandle {
        node_id: node_id.to_string(),
        choice,
    };
    let id = egui::Id::unique(("reply-handle", node_id, choice));
    let response = ui
        .dnd_drag_source(id, handle, |ui| {
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.5, ui.visuals().selection.bg_fill))
                .corner_radius(4.0)
                .inner_margin(egui::Margin::symmetric(6, 2))
                .show(ui, |ui| ui.label(RichText::new(t.ed_drag_handle).strong()))
        })
        .response;
    response
        .on_hover_text(t.ed_drag_help)
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, t.ed_drag_handle));
}

/// The reply dropped on `response` this frame (a node of the graph), if any.
pub fn dropped_on(response: &egui::Response) -> Option<ReplyHandle> {
    response
        .dnd_release_payload::<ReplyHandle>()
        .map(|handle| (*handle).clone())
}

/// True while a reply is dragged over `response` (to highlight the target).
pub fn hovered_by_reply(response: &egui::Response) -> bool {
    response.dnd_hover_payload::<ReplyHandle>().is_some()
}

/// The edit that sends the reply to node `target`.
pub fn connect_edit(handle: &ReplyHandle, target: &str) -> Edit {
    ops::connect(&handle.node_id, handle.choice, target)
}
