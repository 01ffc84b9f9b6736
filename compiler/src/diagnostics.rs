//! Diagnostics shared by every pass: a message, a primary span, labels and notes, rendered with
//! file:line:column, the source line and a caret.
