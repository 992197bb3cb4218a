-- pyiq for Neovim 0.11+'s built-in registry: with client/nvim on the runtime path,
--
--   vim.lsp.enable("pyiq")
--
-- starts `pyiq serve` for Python buffers (vim.lsp.config("pyiq", {...}) overrides any field).
-- require("pyiq").setup({...}) does the same with options; see :help pyiq.
return require("pyiq").lsp_config()
