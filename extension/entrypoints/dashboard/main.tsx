import { createRoot } from 'react-dom/client';
import '../../assets/app.css';
import { DashboardApp } from '../../components/dashboard-app';

createRoot(document.getElementById('root') as HTMLElement).render(<DashboardApp />);
