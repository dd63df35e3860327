-- wrk script: POST the flagship question's query to /v1/query.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query": "MATCH (c)-[:CAUSES]->(:Condition {name: \'quadratus lumborum spasm\'}), (c)-[:CAUSES]->(:Condition {name: \'psoas major spasm\'}) RETURN DISTINCT c.name"}'
