-- :PyiqStats: the server's progress (`pyiq.stats`, what `pyiq stats --format json` prints)
-- as an aligned Markdown table, the same columns as `pyiq stats` in a terminal.

local M = {}

local COLUMNS = {
  { title = "topic", key = "topic" },
  { title = "level", key = "level" },
  { title = "answered", key = "answered", right = true },
  { title = "accuracy", key = "accuracy", right = true },
  { title = "mastered", key = "mastered", right = true },
  { title = "due today", key = "due_today", right = true },
  { title = "streak", key = "streak", right = true },
}

local function cell(group, column)
  local value = group[column.key]
  if column.key == "accuracy" then
    return string.format("%d%%", math.floor((tonumber(value) or 0) * 100 + 0.5))
  end
  if column.key == "mastered" then
    return string.format("%d/%d", tonumber(value) or 0, tonumber(group.cards) or 0)
  end
  if value == nil or value == vim.NIL then
    return ""
  end
  return tostring(value)
end

local function pad(text, width, right)
  local gap = string.rep(" ", width - vim.fn.strdisplaywidth(text))
  return right and gap .. text or text .. gap
end

--- The lines to show for a `pyiq.stats` result.
function M.lines(result)
  if type(result) ~= "table" or type(result.total) ~= "table" then
    return { "# pyiq progress", "", "The server sent no progress." }
  end
  local total = vim.deepcopy(result.total)
  total.topic, total.level = "**all**", ""
  if (tonumber(total.answered) or 0) == 0 then
    return { "# pyiq progress", "", "No answers yet: `:PyiqQuiz` starts a quiz on this file." }
  end
  local rows = {}
  for _, group in ipairs(result.groups or {}) do
    table.insert(rows, group)
  end
  table.insert(rows, total)
  local widths = {}
  for i, column in ipairs(COLUMNS) do
    widths[i] = vim.fn.strdisplaywidth(column.title)
    for _, row in ipairs(rows) do
      widths[i] = math.max(widths[i], vim.fn.strdisplaywidth(cell(row, column)))
    end
  end
  local function line(cells)
    return "| " .. table.concat(cells, " | ") .. " |"
  end
  local head, rule = {}, {}
  for i, column in ipairs(COLUMNS) do
    head[i] = pad(column.title, widths[i], column.right)
    rule[i] = column.right and string.rep("-", widths[i] - 1) .. ":" or string.rep("-", widths[i])
  end
  local out = { "# pyiq progress", "", line(head), line(rule) }
  for _, row in ipairs(rows) do
    local cells = {}
    for i, column in ipairs(COLUMNS) do
      cells[i] = pad(cell(row, column), widths[i], column.right)
    end
    table.insert(out, line(cells))
  end
  local days = tonumber(result.day_streak) or 0
  table.insert(out, "")
  table.insert(out, string.format("Day streak: %d day%s.", days, days == 1 and "" or "s"))
  local threshold = tonumber(result.mastery_threshold)
  if threshold then
    table.insert(
      out,
      string.format("Mastered: recall probability at least %d%%.", math.floor(threshold * 100 + 0.5))
    )
  end
  return out
end

return M
