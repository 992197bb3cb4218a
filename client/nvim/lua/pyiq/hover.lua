-- The hover float, readable: Neovim wraps a hover at the float's edge in the middle of a word
-- ("A mu|table default"), and pyiq's hovers are sentences. Their lines break at words
-- ('linebreak'), and the float grows by the rows that costs so the last line stays in view.
-- Before 0.10, Vim's Markdown syntax also paints an underscore inside a word
-- (ast.literal_eval) as an error, in red; that highlight is cleared in pyiq's hover.
--
-- 0.7 to 0.10: vim.lsp.buf.hover() calls the client's "textDocument/hover" handler (M.handler).
-- 0.11+: vim.lsp.buf.hover() opens the float itself; a WinNew autocommand finds it
-- (M.watch), and only when the buffer it belongs to has pyiq attached.

local M = {}

local function has(version)
  return vim.fn.has("nvim-" .. version) == 1
end

-- Screen rows of `line` in `width` columns when lines break at spaces (at least what Vim
-- needs: it may also break after punctuation).
local function rows(line, width)
  if width < 1 then
    return 1
  end
  local count, col = 1, 0
  for token in line:gmatch("%s*%S+") do
    local size = vim.fn.strdisplaywidth(token)
    if col > 0 and col + size > width then
      count = count + 1
      token = token:gsub("^%s+", "")
      size = vim.fn.strdisplaywidth(token)
      col = 0
    end
    col = col + size
    while col > width do
      count = count + 1
      col = col - width
    end
  end
  return count
end

--- Breaks the float's lines at words and makes room for the rows that adds.
function M.dress(win)
  if not (win and vim.api.nvim_win_is_valid(win)) then
    return
  end
  vim.api.nvim_win_set_option(win, "linebreak", true)
  local needed
  if vim.api.nvim_win_text_height then
    needed = vim.api.nvim_win_text_height(win, {}).all
  else
    local width = vim.api.nvim_win_get_width(win)
    needed = 0
    for _, line in ipairs(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false)) do
      needed = needed + rows(line, width)
    end
  end
  local room = vim.o.lines - vim.o.cmdheight - 1
  if needed > vim.api.nvim_win_get_height(win) then
    vim.api.nvim_win_set_height(win, math.min(needed, room))
  end
  if not has("0.10") then
    vim.api.nvim_win_call(win, function()
      vim.cmd("silent! syntax clear markdownError")
    end)
  end
end

--- 0.7–0.10: the client's hover handler, Neovim's own and then `dress`.
function M.handler(err, result, ctx, config)
  local bufnr, winnr = vim.lsp.handlers["textDocument/hover"](err, result, ctx, config)
  M.dress(winnr)
  return bufnr, winnr
end

--- 0.11+: dresses each hover float opened over a buffer that `attached(bufnr)` says is pyiq's.
function M.watch(attached)
  local group = vim.api.nvim_create_augroup("pyiq_hover", { clear = true })
  vim.api.nvim_create_autocmd("WinNew", {
    group = group,
    callback = function()
      local win = vim.api.nvim_get_current_win()
      -- The float is filled and its options set after the window opens.
      vim.schedule(function()
        if not vim.api.nvim_win_is_valid(win) then
          return
        end
        local ok, origin = pcall(vim.api.nvim_win_get_var, win, "textDocument/hover")
        if ok and type(origin) == "number" and attached(origin) then
          M.dress(win)
        end
      end)
    end,
  })
end

return M
