def render(rows):
    parts = []
    for row in rows:
        parts.append(f"<td>{row}</td>")
    out = "".join(parts)
    out += "</table>"
    total = 0
    for row in rows:
        total += 1
        items = []
        items += ["x"]
        other = out + "!"
    return out
