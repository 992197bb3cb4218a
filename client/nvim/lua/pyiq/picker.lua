-- Picking one item of a list that may be longer than the screen (the practice exercises).
--
-- vim.ui.select is what users customise: telescope, fzf-lua, dressing and others replace it,
-- and then it is used as it is. Neovim's own vim.ui.select is inputlist(), a numbered list in
-- the message area: 41 exercises on a 24-line terminal page through "-- More --" and end at
-- a "Type number and <Enter>" prompt whose list has scrolled away. When the stock function
-- would overflow the screen, pyiq shows the list in a float of its own instead: one line per
-- item, scrolled like any buffer (j/k, Ctrl-d/Ctrl-u, /search, a count and G), Enter picks the
-- item under the cursor, q or Esc cancels. Same arguments and callback as vim.ui.select.

local float = require("pyiq.float")

local M = {}

-- The picker's window ({ win, buf }), if open.
M.state = { win = nil, buf = nil }

M.is_open, M.close = float.bind(M.state)

--- Whether `select` (default: vim.ui.select) is Neovim's own, not a picker plugin's.
function M.is_stock(select)
  local info = debug.getinfo(select or vim.ui.select, "S")
  local source = info and info.source or ""
  return source:find("vim[/\\]ui%.lua$") ~= nil
end

--- Whether Neovim's own vim.ui.select would list `count` items without paging: inputlist()
--- shows the prompt, one line per item and the "Type number" line above the command line.
function M.fits(count)
  return count + 3 <= vim.o.lines - vim.o.cmdheight
end

-- Lines shown above and below the items (the items are lines HEAD + 1 .. HEAD + #items).
local HEAD = 2
local FOOTER = "Enter: choose · /: search · q: cancel"

--- Shows `items` in pyiq's own float; `on_choice(item, index)` once, (nil, nil) if cancelled.
function M.float(items, opts, on_choice)
  opts = opts or {}
  local format = opts.format_item or tostring
  local lines = { vim.fn.strtrans(opts.prompt or "Select one of:"), "" }
  for _, item in ipairs(items) do
    table.insert(lines, vim.fn.strtrans(format(item)))
  end
  table.insert(lines, "")
  table.insert(lines, FOOTER)
  local width = 20
  for _, line in ipairs(lines) do
    width = math.max(width, vim.fn.strdisplaywidth(line))
  end
  width = math.min(width, math.max(20, vim.o.columns - 6))

  M.close()
  local buf = float.scratch(lines)
  local ns = vim.api.nvim_create_namespace("pyiq_picker")
  vim.api.nvim_buf_add_highlight(buf, ns, "Title", 0, 0, -1)
  vim.api.nvim_buf_add_highlight(buf, ns, "Comment", #lines - 1, 0, -1)

  local decided = false
  local function finish(item, index)
    if decided then
      return
    end
    decided = true
    M.close()
    -- After the window is gone, so that what the choice opens lands in the user's window.
    vim.schedule(function()
      on_choice(item, index)
    end)
  end
  local function choose()
    local row = vim.api.nvim_win_get_cursor(0)[1] - HEAD
    if row >= 1 and row <= #items then
      finish(items[row], row)
    end
  end
  local function cancel()
    finish(nil, nil)
  end
  local keys = { ["<CR>"] = choose, q = cancel, ["<Esc>"] = cancel }
  for lhs, fn in pairs(keys) do
    vim.keymap.set("n", lhs, fn, { buffer = buf, nowait = true, silent = true })
  end
  -- Leaving the list any other way (:q, a jump to another window) is a cancel.
  vim.api.nvim_create_autocmd({ "BufWipeout", "BufLeave" }, {
    buffer = buf,
    once = true,
    callback = function()
      vim.schedule(cancel)
    end,
  })

  float.show(M.state, buf, width, #lines)
  vim.wo[M.state.win].wrap = false
  vim.wo[M.state.win].cursorline = true
  if #items > 0 then
    vim.api.nvim_win_set_cursor(M.state.win, { HEAD + 1, 0 })
  end
  return buf
end

--- vim.ui.select, except that Neovim's own is replaced by pyiq's float when the list would
--- not fit on the screen.
function M.select(items, opts, on_choice)
  if M.is_stock() and not M.fits(#items) then
    return M.float(items, opts, on_choice)
  end
  return vim.ui.select(items, opts, on_choice)
end

return M
