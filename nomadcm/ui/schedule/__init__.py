"""The Schedule page: table model, page, post dialog, undo commands, CSV export/import dialogs."""
