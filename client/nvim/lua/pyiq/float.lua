-- The centred, focused floating window in which pyiq shows what waits to be read: the quiz's
-- verdicts and the practice verdicts. Each keeps its window in a state table ({ win, buf });
-- showing again updates the open window in place instead of stacking a second one.

local M = {}

function M.is_open(state)
  return state.win ~= nil and vim.api.nvim_win_is_valid(state.win)
end

--- Closes the window (Neovim returns to the window the user was in).
function M.close(state)
  if M.is_open(state) then
    pcall(vim.api.nvim_win_close, state.win, true)
  end
  state.win, state.buf = nil, nil
end

--- `is_open()` and `close()` of the window kept in `state`, for a module to expose.
function M.bind(state)
  return function()
    return M.is_open(state)
  end, function()
    M.close(state)
  end
end

--- A scratch buffer holding `lines`, read-only, wiped once no window shows it.
function M.scratch(lines)
  local buf = vim.api.nvim_create_buf(false, true)
  vim.bo[buf].bufhidden = "wipe"
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].modifiable = false
  return buf
end

--- Shows `buf`, whose text is `width` cells wide and `rows` lines long, centred and focused.
function M.show(state, buf, width, rows)
  local height = math.min(rows, math.max(3, vim.o.lines - 4))
  local config = {
    relative = "editor",
    width = width + 2,
    height = height,
    row = math.max(0, math.floor((vim.o.lines - height) / 2) - 1),
    col = math.max(0, math.floor((vim.o.columns - width) / 2) - 1),
    style = "minimal",
    border = "rounded",
  }
  if M.is_open(state) then
    if vim.api.nvim_win_get_buf(state.win) ~= buf then
      vim.api.nvim_win_set_buf(state.win, buf)
    end
    vim.api.nvim_win_set_config(state.win, config)
    vim.api.nvim_set_current_win(state.win)
  else
    state.win = vim.api.nvim_open_win(buf, true, config)
  end
  vim.wo[state.win].wrap = true
  vim.wo[state.win].foldcolumn = "1" -- a margin between the border and the text
  state.buf = buf
  vim.cmd("redraw")
end

return M
