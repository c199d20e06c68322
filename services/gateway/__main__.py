from services.gateway.main import run

run()
