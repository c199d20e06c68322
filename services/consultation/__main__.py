from services.consultation.main import run

run()
