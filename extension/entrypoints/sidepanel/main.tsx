import { createRoot } from 'react-dom/client';
import '../../assets/app.css';
import { SidePanelApp } from '../../components/side-panel-app';

createRoot(document.getElementById('root') as HTMLElement).render(<SidePanelApp />);
