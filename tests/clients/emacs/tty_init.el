;;; tty_init.el --- pyiq.el in a terminal Emacs, as a user's init.el would set it up  -*- lexical-binding: t; -*-

;; Environment: PYIQ_PLUGIN (client/emacs), PYIQ_SERVER (server argv as JSON, or empty for
;; "not installed"), PYIQ_DUMP (where C-c d writes what the test cannot read off the screen).

(require 'cl-lib)
(require 'json)
(setq inhibit-startup-screen t)
(unless (require 'eglot nil t)
  (dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
    (add-to-list 'load-path dir))
  (require 'eglot))
(add-to-list 'load-path (getenv "PYIQ_PLUGIN"))
(require 'pyiq)
(let ((server (getenv "PYIQ_SERVER")))
  (when (and server (not (string-empty-p server)))
    (setq pyiq-server-command (append (json-parse-string server) nil))))
(setq pyiq-settings '(:quizLength 3))
(pyiq-eglot-setup)
(add-hook 'python-mode-hook #'eglot-ensure)

(defun pyiq-test-dump ()
  "Write the *Messages* text and the diagnostics' faces to $PYIQ_DUMP."
  (interactive)
  (let ((out (make-hash-table :test 'equal)))
    (puthash "messages" (with-current-buffer "*Messages*" (buffer-string)) out)
    (when (get-buffer "orders.py")
      (with-current-buffer "orders.py"
        (puthash "overlays"
                 (vconcat (cl-loop for ov in (overlays-in (point-min) (point-max))
                                   for diag = (overlay-get ov 'flymake-diagnostic)
                                   when diag
                                   collect (vector (format "%s" (flymake-diagnostic-type diag))
                                                   (format "%s" (overlay-get ov 'face))
                                                   (1- (line-number-at-pos (overlay-start ov))))))
                 out)))
    (puthash "hint_background" (format "%s" (face-attribute 'pyiq-hint :background nil t)) out)
    (puthash "hint_underline" (format "%s" (face-attribute 'pyiq-hint :underline nil t)) out)
    (puthash "warning_underline" (format "%s" (face-attribute 'flymake-warning :underline nil t)) out)
    (puthash "warning_background" (format "%s" (face-attribute 'flymake-warning :background nil t)) out)
    (puthash "colors" (display-color-cells) out)
    (with-temp-file (getenv "PYIQ_DUMP") (insert (json-encode out)))
    (message "dumped")))
(global-set-key (kbd "C-c d") #'pyiq-test-dump)
