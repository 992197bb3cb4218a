def render(rows):
    out = ""
    for row in rows:
        out += "<tr>"
       #^^^^^^^^^^^^^ string-concat-in-loop
        out += f"<td>{row}</td>"
       #^^^^^^^^^^^^^^^^^^^^^^^^ string-concat-in-loop
        out += row.name + "\n"
       #^^^^^^^^^^^^^^^^^^^^^^ string-concat-in-loop
        out = out + "</tr>"
       #^^^^^^^^^^^^^^^^^^^ string-concat-in-loop
    while True:
        out += str(len(out))
       #^^^^^^^^^^^^^^^^^^^^ string-concat-in-loop
        break
    return out
