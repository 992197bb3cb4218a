-- A stand-in for nvim-lspconfig that records how the plugin registers the server.
local configs = require("lspconfig.configs")
local M = { _recorded = {} }

M.util = {
  root_pattern = function(...)
    local markers = { ... }
    return function()
      return table.concat(markers, ",")
    end
  end,
}

setmetatable(M, {
  __index = function(_, name)
    local config = configs[name]
    if not config then
      return nil
    end
    return {
      setup = function(opts)
        M._recorded = {
          name = name,
          cmd = opts.cmd or config.default_config.cmd,
          filetypes = config.default_config.filetypes,
          root = config.default_config.root_dir(),
          single_file_support = config.default_config.single_file_support,
          has_quiz_handler = opts.handlers ~= nil and opts.handlers["window/showMessageRequest"] ~= nil,
        }
      end,
    }
  end,
})

return M
