-- Code lenses above the line they belong to, as VS Code shows them.
--
-- Neovim draws lenses as text after the end of the line, behind the diagnostics' virtual
-- text, so on a `def` with a diagnostic the lens is cut at the screen edge. For pyiq's
-- clients this draws them as a virtual line above the definition instead, indented like it,
-- in the namespace Neovim's codelens module clears on edits; other servers' lenses are left
-- to Neovim. Running a lens (vim.lsp.codelens.run()) is unchanged.

local M = {}

-- Client ids whose lenses are drawn here.
M.clients = {}

local function draw(lenses, bufnr, client_id)
  local ns = vim.lsp.codelens.__namespaces[client_id]
  vim.api.nvim_buf_clear_namespace(bufnr, ns, 0, -1)
  if not lenses or vim.tbl_isempty(lenses) then
    return
  end
  local by_line = {}
  for _, lens in pairs(lenses) do
    local line = lens.range.start.line
    by_line[line] = by_line[line] or {}
    table.insert(by_line[line], lens)
  end
  local count = vim.api.nvim_buf_line_count(bufnr)
  for line, line_lenses in pairs(by_line) do
    if line < count then
      local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1] or ""
      local indent = text:match("^%s*")
      local chunks = { { indent, "" } }
      for i, lens in ipairs(line_lenses) do
        table.insert(chunks, { lens.command and lens.command.title or "…", "LspCodeLens" })
        if i < #line_lenses then
          table.insert(chunks, { " | ", "LspCodeLensSeparator" })
        end
      end
      -- A virtual line above the first line cannot be scrolled into view: below it there.
      vim.api.nvim_buf_set_extmark(bufnr, ns, line, 0, {
        virt_lines = { chunks },
        virt_lines_above = line > 0,
      })
    end
  end
end

--- Wraps vim.lsp.codelens.display once so that lenses of `client_id` are drawn above.
function M.enable(client_id)
  M.clients[client_id] = true
  local codelens = vim.lsp.codelens
  if codelens.__pyiq_display then
    return
  end
  local original = codelens.display
  codelens.__pyiq_display = original
  codelens.display = function(lenses, bufnr, id)
    if M.clients[id] and codelens.__namespaces then
      return draw(lenses, bufnr, id)
    end
    return original(lenses, bufnr, id)
  end
end

return M
