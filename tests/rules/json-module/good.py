import json

decoder = json.JSONDecoder()
data = response.json()
text = yaml.dump(data)
state = orjson.loads(text)
