import json

text = json.dumps({"a": 1}, indent=2)
#      ^^^^^^^^^^ json-module
data = json.loads(text)
#      ^^^^^^^^^^ json-module
with open("out.json", "w") as handle:
    json.dump(data, handle)
   #^^^^^^^^^ json-module
with open("out.json") as handle:
    data = json.load(handle)
    #      ^^^^^^^^^ json-module
